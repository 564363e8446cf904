-- Placements pre-aggregated by month, province, sex and age band (at most ~35 k rows for ten
-- years, where adding office, sector and channel made 2.5 M and saved little), rebuilt
-- after every placements load (warehouse/aggregates.ts). Catalogue queries read this instead of
-- scanning tens of millions of placements.
CREATE TABLE placement_monthly (
  month           DATE NOT NULL,
  province_code   VARCHAR NOT NULL,
  sex             VARCHAR NOT NULL,
  age_band        VARCHAR NOT NULL,
  placements      INTEGER NOT NULL
);
