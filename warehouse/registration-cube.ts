import { reachSql } from './reach-sql.ts';

/**
 * The registration cube (migration 016), from which kpi-summary's registration figures are read
 * for any period when no person or place filter is given, exactly:
 * - persons registered: the (person, month) pairs of the period whose previous month with a
 *   registration is none or before it ("previous occurrence" trick);
 * - the median days to first service: from a histogram of days by registration month;
 * - active seekers at a month hi (registered in the 12 months to hi, not placed from that first
 *   registration to hi's end): a person's first registration of a month r (previous month with
 *   one: prev) is their first in the window of every hi from max(r, prev + 12 months) to r + 11
 *   months, and they stay unplaced up to the month before their first placement on or after it.
 *   Each such span adds one to every month in it.
 */

/** Statements that rebuild the registration cube from `seeker_fact` and `placement_fact` (run after them). */
export const REBUILD_REGISTRATION_CUBE: readonly string[] = [
  'DELETE FROM registration_reach',
  `INSERT INTO registration_reach ${reachSql('SELECT DISTINCT px, reg_month AS month FROM seeker_fact')}`,
  'DELETE FROM first_service_days',
  `INSERT INTO first_service_days
   SELECT reg_month, date_diff('day', registered_on, first_service_on)::INTEGER AS days, count(*)::INTEGER
   FROM seeker_fact WHERE first_service_on IS NOT NULL GROUP BY ALL ORDER BY reg_month, days`,
  'DELETE FROM active_by_month',
  `INSERT INTO active_by_month
   WITH firsts AS (
     SELECT px, month, registered_on, lag(month) OVER (PARTITION BY px ORDER BY month) AS prev
     FROM (SELECT px, reg_month AS month, min(registered_on) AS registered_on FROM seeker_fact GROUP BY px, reg_month)),
   placed AS (
     SELECT f.month, f.prev, p.month AS placed_month
     FROM firsts f ASOF LEFT JOIN (SELECT px, placed_on, month FROM placement_fact WHERE px IS NOT NULL) p
       ON p.px = f.px AND f.registered_on <= p.placed_on),
   spans AS (
     SELECT greatest(month, coalesce((prev + INTERVAL 12 MONTH)::DATE, month)) AS first_m,
       least((month + INTERVAL 11 MONTH)::DATE, coalesce((placed_month - INTERVAL 1 MONTH)::DATE, (month + INTERVAL 11 MONTH)::DATE)) AS last_m
     FROM placed),
   deltas AS (
     SELECT first_m AS m, 1 AS d FROM spans WHERE first_m <= last_m
     UNION ALL SELECT (last_m + INTERVAL 1 MONTH)::DATE, -1 FROM spans WHERE first_m <= last_m),
   by_month AS (SELECT m, sum(d) AS d FROM deltas GROUP BY m)
   SELECT m, (sum(d) OVER (ORDER BY m ROWS UNBOUNDED PRECEDING))::INTEGER AS active FROM by_month ORDER BY m`,
];
