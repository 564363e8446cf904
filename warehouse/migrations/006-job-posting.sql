-- Job postings from public job portals (first: Mexico's Portal del Empleo), with the title
-- classified into a CIUO-08 major group by a documented rule set (NULL when unclassified)
-- and the salary normalised to a monthly amount in the posting's currency.
CREATE TABLE job_posting (
  posting_key     VARCHAR NOT NULL,      -- period + line of the source file (postings carry no id)
  period          VARCHAR NOT NULL,      -- 'YYYY-MM' of publication
  posted_on       DATE NOT NULL,
  title           VARCHAR NOT NULL,
  occupation_code VARCHAR,               -- CIUO-08 major group, NULL when no rule matched
  occupation_rule VARCHAR,               -- the rule that matched, for "explain this number"
  salary_monthly  DECIMAL(12, 2),
  salary_basis    VARCHAR,               -- 'monthly' as published, or 'daily' converted x 30.4
  currency        VARCHAR NOT NULL,
  contract_type   VARCHAR,
  hours_per_day   DOUBLE,
  days_per_week   TINYINT,
  state           VARCHAR NOT NULL,
  municipality    VARCHAR,
  education_level VARCHAR,
  experience      VARCHAR,
  load_id         INTEGER NOT NULL
);
