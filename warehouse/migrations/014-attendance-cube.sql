-- The attendance cube (warehouse/attendance-cube.ts): the (person, month) pairs of the service
-- events, by the person's previous month with an event, in all and per office, so that the
-- persons attended in any period are counted exactly from a few thousand rows.
CREATE TABLE attendance_reach (
  month    DATE NOT NULL,
  prev     DATE,              -- the person's previous month with a service event (NULL: none)
  persons  INTEGER NOT NULL   -- (person, month) pairs
);

CREATE TABLE office_attendance_reach (
  office_code  VARCHAR NOT NULL,
  month        DATE NOT NULL,
  prev         DATE,              -- the person's previous month with a service event at the office
  persons      INTEGER NOT NULL
);
