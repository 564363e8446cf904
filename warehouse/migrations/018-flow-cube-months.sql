-- Vacancies and referrals summed by month for the flow cube (warehouse/flow-cube.ts), so that
-- kpi-summary's flows for a period without a filter read a few hundred rows.
CREATE TABLE IF NOT EXISTS vacancy_month (
  month          DATE NOT NULL,      -- the posting month
  vacancies      INTEGER NOT NULL,
  positions      INTEGER NOT NULL,
  filled         INTEGER NOT NULL,   -- placements on each vacancy, capped at its positions
  observable_30  INTEGER NOT NULL,   -- vacancies whose 30th day is on or before the data's end
  open_30        INTEGER NOT NULL    -- of them, not closed by their 30th day
);

CREATE TABLE IF NOT EXISTS referral_month (
  month      DATE NOT NULL,
  referrals  INTEGER NOT NULL
);
