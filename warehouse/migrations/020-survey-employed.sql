-- The survey's weighted employment summed by round, province, sector (rama1) and occupation
-- (grupo1), rebuilt with the facts (warehouse/survey-employed.ts), so that the location quotients
-- of the market analysis read a few thousand rows instead of the survey's persons.
CREATE TABLE IF NOT EXISTS survey_employed (
  period         VARCHAR NOT NULL,   -- 'YYYY-MM' of the survey round
  province_code  VARCHAR NOT NULL,
  rama1          TINYINT,            -- as in survey_person (NULL: not specified)
  grupo1         TINYINT,
  employed       DOUBLE NOT NULL     -- Σ fexp of the people employed (condact 1-6)
);
