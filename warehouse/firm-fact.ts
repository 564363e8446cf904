import { YOUTH_BANDS } from './market-month.ts';

/**
 * Statements that rebuild `firm_fact` (migration 012), after the other facts and `fact_bounds`:
 * each firm with its number `fx` (from the temporary `fact_firm_fx`) and its activity at the end
 * of the data, as the outreach queries compute it when asked for no period: the window is the 12
 * months up to the latest month with vacancies, the end that month's last day.
 */
export const REBUILD_FIRM_FACT: readonly string[] = [
  'DELETE FROM firm_fact',
  `INSERT INTO firm_fact
   WITH b AS (SELECT (vacancy_month - INTERVAL 11 MONTH)::DATE AS f, vacancy_month AS t, last_day(vacancy_month) AS d FROM fact_bounds),
   fv AS (
     SELECT v.fx, count(*) AS vacancies, sum(v.positions) AS positions, count(DISTINCT v.posted_month) AS posting_months
     FROM vacancy_fact v, b WHERE v.posted_month BETWEEN b.f AND b.t GROUP BY v.fx
   ),
   fp AS (
     SELECT p.fx, count(*) FILTER (WHERE p.posted_month BETWEEN b.f AND b.t) AS placements,
       count(*) FILTER (WHERE p.posted_month BETWEEN b.f AND b.t AND p.age_band IN ${YOUTH_BANDS}) AS young,
       count(*) FILTER (WHERE p.month <= b.t) AS window_placements, count(*) AS later_placements
     FROM placement_fact p, b WHERE p.month >= b.f GROUP BY p.fx
   ),
   fc AS (
     SELECT c.fx, count(*) FILTER (WHERE c.month BETWEEN b.f AND b.t) AS contacts, max(c.contacted_on) FILTER (WHERE c.contacted_on <= b.d) AS end_contact,
       max(c.contacted_on) AS last_contact, max(c.contacted_on) FILTER (WHERE c.step = 'facilitation') AS last_facilitation,
       max(c.contacted_on) FILTER (WHERE c.step = 'followup') AS last_followup
     FROM contact_fact c, b GROUP BY c.fx
   )
   SELECT x.fx, f.firm_id, f.name, f.sector_code, f.size_band, f.canton_code, f.province_code,
     coalesce(fv.vacancies, 0), coalesce(fv.positions, 0), coalesce(fv.posting_months, 0),
     coalesce(fp.placements, 0), coalesce(fp.young, 0), coalesce(fp.window_placements, 0), coalesce(fp.later_placements, 0),
     coalesce(fc.contacts, 0), fc.end_contact, fc.last_contact, fc.last_facilitation, fc.last_followup
   FROM firm f JOIN fact_firm_fx x USING (firm_id) LEFT JOIN fv ON fv.fx = x.fx LEFT JOIN fp ON fp.fx = x.fx LEFT JOIN fc ON fc.fx = x.fx
   ORDER BY x.fx`,
];
