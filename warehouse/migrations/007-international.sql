-- International context: modelled youth unemployment series (ILO estimates published by the
-- World Bank, indicator SL.UEM.1524.ZS), by country or region and year. A different source and
-- definition from the national survey; shown beside it, never mixed into it.
CREATE TABLE intl_youth_unemployment (
  entity   VARCHAR NOT NULL,
  code     VARCHAR,               -- ISO 3166-1 alpha-3; empty for regional aggregates
  year     SMALLINT NOT NULL,
  rate     DOUBLE NOT NULL,       -- percent of the labour force aged 15-24
  load_id  INTEGER NOT NULL
);
