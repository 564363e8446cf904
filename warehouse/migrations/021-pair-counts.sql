-- Records counted by month under every single filter and every pair of filters (GROUPING SETS),
-- per fact table (warehouse/pair-counts.ts), so that the KPI trend and counts under one or two
-- filters read a few hundred rows instead of scanning the facts. Columns a row is not grouped by
-- are NULL; `dims` names the ones it is grouped by.
CREATE TABLE IF NOT EXISTS pair_counts (
  fact             VARCHAR NOT NULL,   -- 'seeker', 'referral', 'placement' or 'vacancy'
  dims             VARCHAR NOT NULL,   -- the filters of the row, comma-separated in PAIR_DIMENSIONS order; '' for none
  month            DATE NOT NULL,      -- registration, referral, placement or posting month
  province_code    VARCHAR,
  office_code      VARCHAR,
  sector_code      VARCHAR,
  occupation_code  VARCHAR,            -- the first two digits: exact for filters of one or two digits
  sex              VARCHAR,
  age_band         VARCHAR,
  channel          VARCHAR,
  n                BIGINT NOT NULL,    -- records
  positions        BIGINT              -- vacancies: their positions
);
