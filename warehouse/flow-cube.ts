import { FOLLOWUP_COUNTS, followupBounds } from './observable-sql.ts';
import { reachSql } from './reach-sql.ts';

/**
 * The flow cube (migrations 017 and 018), from which kpi-summary's placement and vacancy figures are read
 * for any period when no filter is given, exactly: placements and follow-ups summed by month (a
 * placement's follow-ups are judged against the latest follow-up date, fixed when the facts are
 * built), persons placed by the "previous occurrence" trick (the (person, month) pairs of the
 * period whose previous month with a placement is none or before it), and histograms of days for
 * the medians and 75th percentiles; vacancies and referrals summed by month.
 */

/** Statements that rebuild the flow cube from `placement_fact`, `vacancy_fact` and `fact_bounds` (run after them). */
export const REBUILD_FLOW_CUBE: readonly string[] = [
  'DELETE FROM placement_month',
  `INSERT INTO placement_month
   SELECT p.month, count(*)::INTEGER, ${FOLLOWUP_COUNTS}
   FROM placement_fact p CROSS JOIN ${followupBounds('(SELECT followup_end FROM fact_bounds)')} e
   GROUP BY p.month ORDER BY p.month`,
  'DELETE FROM vacancy_month',
  `INSERT INTO vacancy_month
   SELECT v.posted_month, count(*)::INTEGER, sum(v.positions)::INTEGER, sum(least(v.placements, v.positions))::INTEGER,
     count(*) FILTER (WHERE v.posted_on + 30 <= e.d)::INTEGER,
     count(*) FILTER (WHERE v.posted_on + 30 <= e.d AND (v.closed_on IS NULL OR v.closed_on > v.posted_on + 30))::INTEGER
   FROM vacancy_fact v CROSS JOIN (SELECT data_end AS d FROM fact_bounds) e
   GROUP BY v.posted_month ORDER BY v.posted_month`,
  'DELETE FROM referral_month',
  `INSERT INTO referral_month SELECT ref_month, count(*)::INTEGER FROM referral_fact GROUP BY ref_month ORDER BY ref_month`,
  'DELETE FROM placement_reach',
  `INSERT INTO placement_reach ${reachSql('SELECT DISTINCT px, month FROM placement_fact WHERE px IS NOT NULL')}`,
  'DELETE FROM placement_days',
  `INSERT INTO placement_days
   SELECT month, days, count(*)::INTEGER FROM placement_fact WHERE days IS NOT NULL GROUP BY month, days ORDER BY month, days`,
  'DELETE FROM fill_days',
  `INSERT INTO fill_days
   SELECT posted_month, date_diff('day', posted_on, first_placed_on)::INTEGER AS days, count(*)::INTEGER
   FROM vacancy_fact WHERE first_placed_on IS NOT NULL GROUP BY ALL ORDER BY posted_month, days`,
];
