-- The registration cube (warehouse/registration-cube.ts), from which kpi-summary counts, for any
-- period and no person or place filter, the persons registered (by the previous-occurrence
-- trick), the median days from registration to first service (from a histogram of days) and the
-- active seekers at the period's end (by month).
CREATE TABLE registration_reach (
  month    DATE NOT NULL,
  prev     DATE,              -- the person's previous month with a registration (NULL: none)
  persons  INTEGER NOT NULL   -- (person, month) pairs
);

CREATE TABLE first_service_days (
  month  DATE NOT NULL,       -- the registration's month
  days   INTEGER NOT NULL,    -- from registration to the record's first service
  n      INTEGER NOT NULL
);

CREATE TABLE active_by_month (
  month   DATE NOT NULL,      -- the period's last month
  active  INTEGER NOT NULL    -- persons registered in the 12 months to it and not placed since, to its end
);
