-- ENEMDU's category of occupation (p42): what kind of job, and under what terms, a worker has
-- (government or private employee, outsourced, day labourer, employer, own account, unpaid,
-- domestic). NULL for persons not employed and for files without the variable.
ALTER TABLE survey_person ADD COLUMN p42 TINYINT;
