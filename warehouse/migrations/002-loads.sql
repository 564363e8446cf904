-- The load ledger: one row per file load attempt, keyed by the file's sha256,
-- and every rejected input row with its line, column, value and reason.
CREATE SEQUENCE load_id_seq START 1;

CREATE TABLE load_ledger (
  load_id       INTEGER PRIMARY KEY DEFAULT nextval('load_id_seq'),
  source        VARCHAR NOT NULL,
  file_name     VARCHAR NOT NULL,
  sha256        VARCHAR NOT NULL,
  rows_read     BIGINT NOT NULL,
  rows_loaded   BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  status        VARCHAR NOT NULL CHECK (status IN ('loaded', 'failed', 'superseded')),
  message       VARCHAR,
  started_at    TIMESTAMP NOT NULL,
  finished_at   TIMESTAMP NOT NULL
);

CREATE TABLE load_reject (
  load_id     INTEGER NOT NULL,
  file_name   VARCHAR NOT NULL,
  line        BIGINT NOT NULL,
  column_name VARCHAR,
  value       VARCHAR,
  reason      VARCHAR NOT NULL
);
