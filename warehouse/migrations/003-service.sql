-- Service records of the employment service, pseudonymised at load: no national ID and
-- no person's name is ever stored. Grouping columns (month, age band, province) are
-- precomputed at load so that catalogue queries group without recomputing them.
-- Natural keys are unique by the ETL's checks rather than by index: an ART index on
-- tens of millions of rows would cost more at load than it saves.
CREATE TABLE office (
  office_code   VARCHAR PRIMARY KEY,
  name          VARCHAR NOT NULL,
  canton_code   VARCHAR NOT NULL,
  province_code VARCHAR NOT NULL,
  load_id       INTEGER NOT NULL
);

CREATE TABLE seeker (
  seeker_id       VARCHAR NOT NULL,  -- keyed HMAC of the cédula (or of the record id when absent)
  match_key       VARCHAR,              -- keyed HMAC of birth date + sex + normalised name + canton
  registered_on   DATE NOT NULL,
  reg_month       DATE NOT NULL,
  birth_year      SMALLINT NOT NULL,
  age_at_reg      TINYINT NOT NULL,
  age_band        VARCHAR NOT NULL,     -- '15-17','18-24','25-29','30-44','45-64','65+'
  sex             VARCHAR NOT NULL CHECK (sex IN ('F', 'M')),
  disability      BOOLEAN NOT NULL,
  education       VARCHAR,
  canton_code     VARCHAR NOT NULL,
  province_code   VARCHAR NOT NULL,
  office_code     VARCHAR NOT NULL,
  load_id         INTEGER NOT NULL
);

CREATE TABLE firm (
  firm_id        VARCHAR NOT NULL,   -- keyed HMAC of the RUC (a natural person's RUC holds a cédula)
  name           VARCHAR NOT NULL,
  sector_code    VARCHAR NOT NULL,
  employees      INTEGER NOT NULL,
  size_band      VARCHAR NOT NULL CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
  canton_code    VARCHAR NOT NULL,
  province_code  VARCHAR NOT NULL,
  office_code    VARCHAR NOT NULL,
  registered_on  DATE NOT NULL,
  load_id        INTEGER NOT NULL
);

CREATE TABLE vacancy (
  vacancy_id      VARCHAR NOT NULL,
  firm_id         VARCHAR NOT NULL,
  office_code     VARCHAR NOT NULL,
  posted_on       DATE NOT NULL,
  posted_month    DATE NOT NULL,
  closed_on       DATE,
  positions       INTEGER NOT NULL,
  occupation_code VARCHAR NOT NULL,
  sector_code     VARCHAR NOT NULL,
  canton_code     VARCHAR NOT NULL,
  province_code   VARCHAR NOT NULL,
  wage_offered    DECIMAL(12, 2),
  load_id         INTEGER NOT NULL
);

CREATE TABLE referral (
  referral_id  VARCHAR NOT NULL,
  seeker_id    VARCHAR NOT NULL,
  vacancy_id   VARCHAR NOT NULL,
  referred_on  DATE NOT NULL,
  ref_month    DATE NOT NULL,
  interviewed  BOOLEAN NOT NULL,
  load_id      INTEGER NOT NULL
);

CREATE TABLE placement (
  placement_id    VARCHAR NOT NULL,
  seeker_id       VARCHAR NOT NULL,
  vacancy_id      VARCHAR NOT NULL,
  placed_on       DATE NOT NULL,
  month           DATE NOT NULL,
  office_code     VARCHAR NOT NULL,
  province_code   VARCHAR NOT NULL,
  canton_code     VARCHAR NOT NULL,
  sector_code     VARCHAR NOT NULL,
  occupation_code VARCHAR NOT NULL,
  sex             VARCHAR NOT NULL,
  age_band        VARCHAR NOT NULL,
  wage            DECIMAL(12, 2),
  channel         VARCHAR NOT NULL,
  load_id         INTEGER NOT NULL
);

CREATE TABLE followup (
  placement_id   VARCHAR NOT NULL,
  months_after   TINYINT NOT NULL CHECK (months_after IN (1, 3, 6)),
  checked_on     DATE NOT NULL,
  still_employed BOOLEAN NOT NULL,
  load_id        INTEGER NOT NULL
);

CREATE TABLE service_event (
  event_id     VARCHAR NOT NULL,
  kind         VARCHAR NOT NULL,        -- counselling, interview, workshop_seekers, workshop_employers, job_fair, portal
  event_on     DATE NOT NULL,
  month        DATE NOT NULL,
  office_code  VARCHAR NOT NULL,
  seeker_id    VARCHAR,
  firm_id      VARCHAR,
  load_id      INTEGER NOT NULL
);

CREATE TABLE firm_contact (
  contact_id    VARCHAR NOT NULL,
  firm_id       VARCHAR NOT NULL,
  office_code   VARCHAR NOT NULL,
  contacted_on  DATE NOT NULL,
  month         DATE NOT NULL,
  step          VARCHAR NOT NULL,       -- market_analysis, targeting, facilitation, coordination, followup
  load_id       INTEGER NOT NULL
);

CREATE TABLE mobility_case (
  case_id             VARCHAR NOT NULL,
  seeker_id           VARCHAR NOT NULL,
  programme           VARCHAR NOT NULL,
  destination_country VARCHAR NOT NULL,  -- ISO 3166-1 alpha-2
  stage               TINYINT NOT NULL CHECK (stage BETWEEN 1 AND 13),
  opened_on           DATE NOT NULL,
  updated_on          DATE NOT NULL,
  load_id             INTEGER NOT NULL
);
