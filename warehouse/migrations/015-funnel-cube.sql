-- The funnel cube (warehouse/funnel-cube.ts): each person's first registration of each month,
-- by the person's previous month with a registration and the registration's office, sex, age
-- band and disability, with how many of them were then referred, interviewed, placed and
-- retained, so that the registration cohort of any period is counted exactly.
CREATE TABLE funnel_reach (
  month        DATE NOT NULL,
  prev         DATE,              -- the person's previous month with a registration (NULL: none)
  office_code  VARCHAR NOT NULL,
  sex          VARCHAR NOT NULL,
  age_band     VARCHAR NOT NULL,
  disability   BOOLEAN NOT NULL,
  registered   INTEGER NOT NULL,  -- (person, month) pairs: the person's first registration of the month
  referred     INTEGER NOT NULL,  -- of them, referred on or after that registration
  interviewed  INTEGER NOT NULL,
  placed       INTEGER NOT NULL,
  retained_3m  INTEGER NOT NULL,  -- placed on or after it and still employed at the 3- and 6-month follow-ups
  retained_6m  INTEGER NOT NULL
);
