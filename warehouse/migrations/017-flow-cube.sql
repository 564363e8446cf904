-- The flow cube (warehouse/flow-cube.ts), from which kpi-summary reads its placement and vacancy
-- figures for any period when no filter is given: placements and their follow-ups by month, the
-- (person, month) pairs of placements by the person's previous month with one, and histograms of
-- the days from registration to placement and from posting to the first placement.
CREATE TABLE placement_month (
  month           DATE NOT NULL,
  placements      INTEGER NOT NULL,
  followed_up_3m  INTEGER NOT NULL,   -- observable at 3 months (placed_on + 3 months <= the latest follow-up) and followed up then
  retained_3m     INTEGER NOT NULL,
  followed_up_6m  INTEGER NOT NULL,
  retained_6m     INTEGER NOT NULL,
  done            INTEGER NOT NULL,   -- follow-ups done of those due at 1, 3 and 6 months
  due             INTEGER NOT NULL
);

CREATE TABLE placement_reach (
  month    DATE NOT NULL,
  prev     DATE,
  persons  INTEGER NOT NULL
);

CREATE TABLE placement_days (
  month  DATE NOT NULL,
  days   INTEGER NOT NULL,
  n      INTEGER NOT NULL
);

CREATE TABLE fill_days (
  month  DATE NOT NULL,      -- the vacancy's posting month
  days   INTEGER NOT NULL,   -- from posting to the first placement
  n      INTEGER NOT NULL
);
