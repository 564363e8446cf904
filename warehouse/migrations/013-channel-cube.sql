-- The channel cube (warehouse/channel-cube.ts), from which kpi-channels answers any period
-- exactly when no person or place filter is given: service events per kind and month, and per
-- kind, month and previous month the (person, month) and (firm, month) pairs of the kind.
CREATE TABLE channel_month (
  kind    VARCHAR NOT NULL,
  month   DATE NOT NULL,
  events  INTEGER NOT NULL
);

CREATE TABLE channel_reach (
  kind        VARCHAR NOT NULL,
  month       DATE NOT NULL,
  prev        DATE,              -- the previous month with an event of the kind for the person or firm (NULL: none)
  persons     INTEGER NOT NULL,  -- (person, month) pairs
  observable  INTEGER NOT NULL,  -- of them, whose first event of the month is 90 days or more before fact_bounds.data_end
  converted   INTEGER NOT NULL,  -- of those, the person placed within 90 days of that event
  firms       INTEGER NOT NULL   -- (firm, month) pairs
);

-- The schema version the facts were built at: a warehouse whose facts were built before a
-- migration that adds or changes derived tables has them rebuilt (see factsMissing).
ALTER TABLE fact_bounds ADD COLUMN schema_version INTEGER;
