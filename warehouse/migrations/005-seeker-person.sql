-- One person may hold several seeker records (registered twice, or with a mistyped cédula).
-- person_id links them: the keyed pseudonym of a valid cédula, else the record's profile key
-- (birth date + sex + normalised name + canton), which the ETL then resolves to the person
-- of a record with a valid cédula and the same profile when there is one.
ALTER TABLE seeker ADD COLUMN person_id VARCHAR;
ALTER TABLE seeker ADD COLUMN id_status VARCHAR;
UPDATE seeker SET person_id = seeker_id, id_status = 'valid';
