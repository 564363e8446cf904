-- Derived facts: one row per record of the service's main tables, with every grouping column a
-- KPI, market or outreach query filters on already joined in (the office's province, the
-- vacancy's sector, the person's sex...), persons, seeker records, vacancies and firms as dense
-- integers (px, sx, vx, fx) instead of 32-character pseudonyms, the follow-up outcome of each
-- placement and the fill of each vacancy, and rows sorted by month so that a period reads only
-- its own row groups. Queries read these with no joins. They are rebuilt from the base tables after every batch of loads
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
  first_service_on  DATE,              -- the record's first service event on or after registration
  canton_code       VARCHAR NOT NULL
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
  emp6             BOOLEAN NOT NULL,
  canton_code      VARCHAR NOT NULL,
  sx               INTEGER,           -- the seeker record placed (NULL when unknown)
  fx               INTEGER,           -- the vacancy's firm (firm_fact.fx; NULL when the vacancy or firm is unknown)
  posted_month     DATE               -- the vacancy's posting month (NULL when the vacancy is unknown)
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
  first_placed_on  DATE,
  vx               INTEGER NOT NULL,  -- the vacancy (dense index of vacancy.vacancy_id)
  vacancy_id       VARCHAR NOT NULL,
  fx               INTEGER,           -- the firm (firm_fact.fx; NULL when unknown)
  canton_code      VARCHAR NOT NULL,
  wage_offered     DECIMAL(12, 2),
  end_referrals    INTEGER NOT NULL,  -- referrals in the 12 months to the latest posting date's month, up to that date
  open_at_end      BOOLEAN NOT NULL   -- open at the latest posting date (posted in those 12 months, by then, not closed by then)
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
  occupation_code  VARCHAR,
  sx               INTEGER,          -- the seeker record referred (NULL when unknown)
  vx               INTEGER,          -- the vacancy (vacancy_fact.vx; NULL when unknown)
  seeker_province  VARCHAR,          -- the seeker record's own province and canton
  seeker_canton    VARCHAR,
  registered_later_on  DATE          -- the record's registration, when after the referral (else NULL)
);

-- Firms numbered densely (fx), in the order of their province and canton, with the columns the
-- outreach queries show and filter on, and their activity at the end of the data, which the
-- outreach queries' default answers read (warehouse/firm-fact.ts): over the 12 months up to the
-- latest month with vacancies (the window) and at that month's last day (the end).
CREATE TABLE firm_fact (
  fx                 INTEGER NOT NULL,
  firm_id            VARCHAR NOT NULL,
  name               VARCHAR NOT NULL,
  sector_code        VARCHAR NOT NULL,
  size_band          VARCHAR NOT NULL,
  canton_code        VARCHAR NOT NULL,
  province_code      VARCHAR NOT NULL,
  vacancies          INTEGER NOT NULL,  -- posted in the window
  positions          INTEGER NOT NULL,  -- of those vacancies
  posting_months     INTEGER NOT NULL,  -- months of the window with a posting
  placements         INTEGER NOT NULL,  -- on those vacancies, placed from the window's first month on
  young_placements   INTEGER NOT NULL,  -- of them, of people aged 15-29
  window_placements  INTEGER NOT NULL,  -- placed in the window, on any vacancy of the firm
  later_placements   INTEGER NOT NULL,  -- placed from the window's first month on, on any vacancy of the firm
  contacts           INTEGER NOT NULL,  -- outreach contacts in the window
  end_contact        DATE,              -- the last contact up to the end
  last_contact       DATE,              -- the last contact, the last facilitation and the last follow-up of all
  last_facilitation  DATE,
  last_followup      DATE
);

-- Outreach contacts with their firm as fx, sorted by month.
CREATE TABLE contact_fact (
  month         DATE NOT NULL,
  contacted_on  DATE NOT NULL,
  step          VARCHAR NOT NULL,
  fx            INTEGER            -- NULL when the firm is unknown
);

-- The market's stock at the end of the data (see warehouse/market-stock.ts), at the last day of
-- the latest month with vacancies and at the latest posting date: active job seekers by their
-- province and canton, and open vacancies and their positions by the vacancy's, in all ('total',
-- code '*') and by sector and occupation (for seekers, of the vacancies they were referred to).
-- Each record counts once per code, so sums over cantons are distinct counts.
CREATE TABLE market_stock (
  as_of           DATE NOT NULL,
  kind            VARCHAR NOT NULL,  -- 'total', 'sector', 'occupation'
  code            VARCHAR NOT NULL,
  province_code   VARCHAR NOT NULL,
  canton_code     VARCHAR NOT NULL,
  seekers         INTEGER NOT NULL,
  open_vacancies  INTEGER NOT NULL,
  open_positions  INTEGER NOT NULL
);

-- Vacancies and positions (by posting month) and placements (by placement month, and those of
-- people aged 15-29) by province, canton and sector or occupation (warehouse/market-month.ts).
CREATE TABLE market_month (
  month          DATE NOT NULL,
  kind           VARCHAR NOT NULL,  -- 'sector', 'occupation'
  code           VARCHAR NOT NULL,
  province_code  VARCHAR NOT NULL,
  canton_code    VARCHAR NOT NULL,
  vacancies      INTEGER NOT NULL,
  positions      INTEGER NOT NULL,
  placements     INTEGER NOT NULL,
  young          INTEGER NOT NULL
);

-- The nation's median wage offered by occupation in the vacancies posted in the 12 months up to
-- the latest month with vacancies (warehouse/market-month.ts).
CREATE TABLE offered_wage_end (
  occupation_code  VARCHAR NOT NULL,
  median_offered   DOUBLE
);

-- The survey rounds held (warehouse/survey-earned.ts).
CREATE TABLE survey_round (
  period  VARCHAR NOT NULL
);

-- The weighted median labour income of the employed by survey round, scope (a province, or 'EC'
-- the nation) and occupation major group, with the number of earners (warehouse/survey-earned.ts).
CREATE TABLE survey_earned (
  period           VARCHAR NOT NULL,
  scope            VARCHAR NOT NULL,
  occupation_code  VARCHAR NOT NULL,
  median_earned    DOUBLE,
  earners          INTEGER NOT NULL
);

-- The ends of the data the facts were built from: the last day of the latest month with
-- placements, the latest follow-up date, the latest month with vacancies, the latest posting
-- date and the latest outreach contact (one row).
CREATE TABLE fact_bounds (
  data_end       DATE,
  followup_end   DATE,
  vacancy_month  DATE,
  vacancy_end    DATE,
  contact_end    DATE
);
