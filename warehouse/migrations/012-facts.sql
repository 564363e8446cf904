-- Derived facts: one row per record of the service's main tables, with every grouping column a
-- KPI, market or outreach query filters on already joined in (the office's province, the
-- vacancy's sector, the person's sex...), persons as dense integers (px) instead of 32-character
-- pseudonyms, the follow-up outcome of each placement and the fill of each vacancy, and rows
-- sorted by month so that a period reads only its own row groups. Queries read these with no
-- joins. They are rebuilt from the base tables after every batch of loads
-- (warehouse/aggregates.ts, rebuildAggregates), never loaded directly.
CREATE TABLE seeker_fact (
  px                INTEGER NOT NULL,  -- the person (dense index of seeker.person_id)
  sx                INTEGER NOT NULL,  -- the record (its rank by seeker_id, for ties between records)
  registered_on     DATE NOT NULL,
  reg_month         DATE NOT NULL,
  office_code       VARCHAR NOT NULL,
  province_code     VARCHAR NOT NULL,
  sex               VARCHAR NOT NULL,
  age_band          VARCHAR NOT NULL,
  disability        BOOLEAN NOT NULL,
  first_service_on  DATE               -- the record's first service event on or after registration
);

CREATE TABLE placement_fact (
  month            DATE NOT NULL,
  placed_on        DATE NOT NULL,
  office_code      VARCHAR NOT NULL,
  province_code    VARCHAR NOT NULL,
  sector_code      VARCHAR NOT NULL,
  occupation_code  VARCHAR NOT NULL,
  sex              VARCHAR NOT NULL,
  age_band         VARCHAR NOT NULL,
  channel          VARCHAR NOT NULL,
  px               INTEGER,           -- NULL when the seeker record is unknown
  days             INTEGER,           -- registration of the record placed to placement
  has1             BOOLEAN NOT NULL,  -- followed up at 1, 3, 6 months
  has3             BOOLEAN NOT NULL,
  has6             BOOLEAN NOT NULL,
  emp3             BOOLEAN NOT NULL,  -- still employed at the 3- and 6-month follow-ups
  emp6             BOOLEAN NOT NULL
);

CREATE TABLE vacancy_fact (
  posted_month     DATE NOT NULL,
  posted_on        DATE NOT NULL,
  closed_on        DATE,
  positions        INTEGER NOT NULL,
  office_code      VARCHAR NOT NULL,
  province_code    VARCHAR NOT NULL,
  sector_code      VARCHAR NOT NULL,
  occupation_code  VARCHAR NOT NULL,
  placements       INTEGER NOT NULL,  -- placements on the vacancy, of any date
  first_placed_on  DATE
);

CREATE TABLE event_fact (
  month          DATE NOT NULL,
  event_on       DATE NOT NULL,
  kind           VARCHAR NOT NULL,
  office_code    VARCHAR NOT NULL,
  province_code  VARCHAR NOT NULL,   -- the office's
  px             INTEGER,            -- the person served (NULL for employer events or unknown records)
  sex            VARCHAR,
  age_band       VARCHAR,
  firm_id        VARCHAR
);

CREATE TABLE referral_fact (
  ref_month        DATE NOT NULL,
  referred_on      DATE NOT NULL,
  interviewed      BOOLEAN NOT NULL,
  px               INTEGER,
  sex              VARCHAR,
  age_band         VARCHAR,
  office_code      VARCHAR,          -- the vacancy's office, province, sector and occupation
  province_code    VARCHAR,
  sector_code      VARCHAR,
  occupation_code  VARCHAR
);

-- The ends of the data the facts were built from: the last day of the latest month with
-- placements, and the latest follow-up date (one row).
CREATE TABLE fact_bounds (
  data_end      DATE,
  followup_end  DATE
);
