-- Reference tables filled by the project: territory (INEC DPA), sector (CIIU Rev.4),
-- occupation (CIUO-08), calendar. Offices are loaded from the PES's own file.
CREATE TABLE territory (
  code            VARCHAR PRIMARY KEY,  -- 'EC' country, 2-digit province, 4-digit canton
  level           VARCHAR NOT NULL CHECK (level IN ('country', 'province', 'canton')),
  name            VARCHAR NOT NULL,
  province_code   VARCHAR,              -- for provinces and cantons
  region          VARCHAR CHECK (region IN ('Costa', 'Sierra', 'Amazonía', 'Insular')),
  amazon_special  BOOLEAN NOT NULL DEFAULT false,
  population      INTEGER               -- 2022 census, provinces only
);

CREATE TABLE sector (
  code     VARCHAR PRIMARY KEY,         -- CIIU Rev.4 section letter A-U
  level    VARCHAR NOT NULL CHECK (level IN ('section')),
  name_es  VARCHAR NOT NULL,
  name_en  VARCHAR NOT NULL
);

CREATE TABLE occupation (
  code     VARCHAR PRIMARY KEY,         -- CIUO-08 major group '0'-'9'
  level    VARCHAR NOT NULL CHECK (level IN ('major')),
  name_es  VARCHAR NOT NULL,
  name_en  VARCHAR NOT NULL
);

CREATE TABLE calendar (
  date        DATE PRIMARY KEY,
  year        SMALLINT NOT NULL,
  quarter     TINYINT NOT NULL,
  month       TINYINT NOT NULL,
  month_start DATE NOT NULL,
  iso_week    TINYINT NOT NULL,
  weekday     TINYINT NOT NULL          -- ISO: 1 Monday .. 7 Sunday
);
