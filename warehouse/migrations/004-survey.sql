-- Labor-force survey microdata (INEC's ENEMDU persons file): one row per person per period,
-- with its expansion weight, primary sampling unit and stratum for design-based variances.
CREATE TABLE survey_person (
  period      VARCHAR NOT NULL,          -- 'YYYY-MM' of the survey round
  person_key  VARCHAR NOT NULL,          -- household id + person number, as published by INEC
  area        TINYINT NOT NULL,          -- 1 urban, 2 rural
  province_code VARCHAR NOT NULL,
  sex         TINYINT NOT NULL,          -- p02: 1 male, 2 female
  age         TINYINT,                   -- p03; NULL when not reported (99)
  condact     TINYINT NOT NULL,          -- 0-9, INEC's activity condition
  secemp      TINYINT,                   -- 1 formal, 2 informal, 3 domestic, 4 not classified
  rama1       TINYINT,                   -- CIIU Rev.4 section number; NULL when 22 (not specified)
  grupo1      TINYINT,                   -- CIUO-08 major group; NULL when 99
  ingrl       DECIMAL(12, 2),            -- labour income; NULL for codes -1 and 999999
  nivinst     TINYINT,                   -- p10a level of instruction
  attends     BOOLEAN,                   -- p07 attends school
  fexp        DOUBLE NOT NULL,
  upm         VARCHAR NOT NULL,
  estrato     VARCHAR NOT NULL,
  load_id     INTEGER NOT NULL,
  PRIMARY KEY (period, person_key)
);
