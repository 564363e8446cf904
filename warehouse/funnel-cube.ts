/**
 * The funnel cube (migration 015), from which kpi-funnel counts the registration cohort of any
 * period exactly when no person or place filter is given. A person enters a period's cohort by
 * their first registration in it: by the "previous occurrence" trick, that is their first
 * registration of a month in the period whose previous month with a registration is none or
 * before the period. What follows a registration does not depend on the period: referred,
 * interviewed, placed and retained mean a referral, an interview, a placement or a retained
 * placement of the person dated on or after it, that is, the latest such date is on or after it.
 */

/** Statements that rebuild `funnel_reach` from `seeker_fact`, `referral_fact` and `placement_fact` (run after them). */
export const REBUILD_FUNNEL_CUBE: readonly string[] = [
  'DELETE FROM funnel_reach',
  `INSERT INTO funnel_reach
   WITH firsts AS (
     SELECT px, reg_month AS month, registered_on, office_code, sex, age_band, disability
     FROM seeker_fact QUALIFY row_number() OVER (PARTITION BY px, reg_month ORDER BY registered_on, sx) = 1),
   refs AS (
     SELECT px, max(referred_on) AS last_ref, max(referred_on) FILTER (WHERE interviewed) AS last_interview
     FROM referral_fact WHERE px IS NOT NULL GROUP BY px),
   plcs AS (
     SELECT px, max(placed_on) AS last_placed, max(placed_on) FILTER (WHERE emp3) AS last_r3, max(placed_on) FILTER (WHERE emp6) AS last_r6
     FROM placement_fact WHERE px IS NOT NULL GROUP BY px)
   SELECT month, prev, office_code, sex, age_band, disability, count(*)::INTEGER, sum(referred)::INTEGER, sum(interviewed)::INTEGER,
     sum(placed)::INTEGER, sum(r3)::INTEGER, sum(r6)::INTEGER
   FROM (
     SELECT f.month, lag(f.month) OVER (PARTITION BY f.px ORDER BY f.month) AS prev, f.office_code, f.sex, f.age_band, f.disability,
       coalesce(r.last_ref >= f.registered_on, false)::INTEGER AS referred, coalesce(r.last_interview >= f.registered_on, false)::INTEGER AS interviewed,
       coalesce(p.last_placed >= f.registered_on, false)::INTEGER AS placed, coalesce(p.last_r3 >= f.registered_on, false)::INTEGER AS r3,
       coalesce(p.last_r6 >= f.registered_on, false)::INTEGER AS r6
     FROM firsts f LEFT JOIN refs r USING (px) LEFT JOIN plcs p USING (px))
   GROUP BY ALL ORDER BY month, prev NULLS FIRST`,
];
