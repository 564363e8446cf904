/**
 * The channel cube (migration 013): what kpi-channels counts per kind of service event, summed by
 * month so that any period is answered exactly from a few thousand rows instead of the events.
 *
 * Distinct persons and firms use the "previous occurrence" trick: for a set of (key, month)
 * pairs, the keys with a pair in months [a, b] are counted once each by the pairs with month in
 * [a, b] whose previous month for the same key is NULL or before a. So `channel_reach` holds, per
 * kind, month and previous month (`prev`), the (person, month) and (firm, month) pairs of the
 * kind. Such a person row is the person's first month of the kind in the period, so its
 * `first_on` (their first event of the kind in the month) is their first attendance in the period,
 * and whether it can be judged (first_on + 90 days on or before `fact_bounds.data_end`) and
 * whether it converted (a placement of the person placed from first_on to first_on + 90 days) are
 * summed with it. `channel_month` holds the events per kind and month.
 */

/** Days after attending within which a placement counts as a conversion (kpi-channels' window). */
export const CHANNEL_CONVERSION_DAYS = 90;

/**
 * Statements that rebuild `channel_month` and `channel_reach` from `event_fact`, `placement_fact`
 * and `fact_bounds` (run after them, see warehouse/facts.ts). Rows sorted by kind and month.
 */
export const REBUILD_CHANNEL_CUBE: readonly string[] = [
  'DELETE FROM channel_month',
  `INSERT INTO channel_month
   SELECT kind, month, count(*)::INTEGER FROM event_fact GROUP BY kind, month ORDER BY kind, month`,
  'DELETE FROM channel_reach',
  `INSERT INTO channel_reach
   WITH person_month AS (
     SELECT kind, px, month, min(event_on) AS first_on FROM event_fact WHERE px IS NOT NULL GROUP BY kind, px, month),
   judged AS (
     SELECT m.kind, m.px, m.month, m.first_on, lag(m.month) OVER (PARTITION BY m.kind, m.px ORDER BY m.month) AS prev,
       m.first_on + ${CHANNEL_CONVERSION_DAYS} <= (SELECT data_end FROM fact_bounds) AS observable
     FROM person_month m),
   -- The person's first placement on or after first_on: they converted when it is within the window.
   persons AS (
     SELECT j.kind, j.month, j.prev, coalesce(j.observable, false) AS observable,
       coalesce(j.observable AND p.placed_on <= j.first_on + ${CHANNEL_CONVERSION_DAYS}, false) AS converted
     FROM judged j ASOF LEFT JOIN (SELECT px, placed_on FROM placement_fact WHERE px IS NOT NULL) p
       ON p.px = j.px AND j.first_on <= p.placed_on),
   firms AS (
     SELECT kind, month, lag(month) OVER (PARTITION BY kind, firm_id ORDER BY month) AS prev
     FROM (SELECT DISTINCT kind, firm_id, month FROM event_fact WHERE firm_id IS NOT NULL))
   SELECT kind, month, prev, sum(persons)::INTEGER, sum(observable)::INTEGER, sum(converted)::INTEGER, sum(firms)::INTEGER
   FROM (
     SELECT kind, month, prev, 1 AS persons, observable::INTEGER AS observable, converted::INTEGER AS converted, 0 AS firms FROM persons
     UNION ALL
     SELECT kind, month, prev, 0, 0, 0, 1 FROM firms)
   GROUP BY kind, month, prev
   ORDER BY kind, month, prev NULLS FIRST`,
];
