import { reachSql } from './reach-sql.ts';

/**
 * The attendance cube (migration 014): the persons attended by the service, counted exactly for
 * any period from a few thousand rows. It uses the "previous occurrence" trick: the persons with
 * a service event in months [a, b] are counted once each by their (person, month) pairs with month
 * in [a, b] whose previous month with an event is none or before a. `attendance_reach` holds those
 * pairs over all events, `office_attendance_reach` per office of the event (a person's previous
 * month there). Persons attended under a channel of one kind are in the channel cube.
 */

/** Statements that rebuild the attendance cube from `event_fact` (run after it, see warehouse/facts.ts). */
export const REBUILD_ATTENDANCE_CUBE: readonly string[] = [
  'DELETE FROM attendance_reach',
  `INSERT INTO attendance_reach ${reachSql('SELECT DISTINCT px, month FROM event_fact WHERE px IS NOT NULL')}`,
  'DELETE FROM office_attendance_reach',
  `INSERT INTO office_attendance_reach ${reachSql('SELECT DISTINCT office_code, px, month FROM event_fact WHERE px IS NOT NULL', ['office_code'])}`,
];
