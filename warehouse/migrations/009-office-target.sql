-- Targets the PES sets its offices, per month and indicator, to compare with what they achieved
-- (the office league table, queries/kpi/kpi-offices.ts). Indicators read today: 'placements'
-- (a count for the month; a period's target is the sum of its months). One row per office,
-- month and indicator; a corrected file replaces the rows of the same key.
-- Loaded from the PES's targets file (metas_oficinas.csv: codigo_oficina, mes AAAA-MM,
-- indicador, meta) by etl/sources/office-targets.ts; the demo generates one.
CREATE TABLE office_target (
  office_code   VARCHAR NOT NULL,
  period_month  DATE NOT NULL,        -- first day of the month
  indicator     VARCHAR NOT NULL,
  target        DOUBLE NOT NULL,
  load_id       INTEGER NOT NULL
);
