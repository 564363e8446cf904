import { END_CTE, marketStockCte, monthListCte } from './market-sql.ts';
import { shiftShareCtes } from './shift-share-sql.ts';

/** SQL expressions of the four weights of a sector score (bound parameters, or numbers from code). */
export interface SectorWeights {
  lq: string;
  growth: string;
  tightness: string;
  youth: string;
}

/** Default weights of the sector score: specialisation, growth, tightness, youth hiring. */
export const DEFAULT_SECTOR_WEIGHTS = { lq: 0.35, growth: 0.3, tightness: 0.2, youth: 0.15 } as const;

/** LQ of vacancies at or above which a sector is called specialised. */
export const SPECIALISED_LQ = 1.25;
/** Share of young people (15-29) among placements at or above which a sector hires young people. */
export const YOUTH_SHARE = 0.5;

/** Min-max normalisation over all rows of the CTE: 0 the lowest, 1 the highest, 0 when all are equal or the value is missing. */
function minMax(x: string): string {
  return `coalesce((${x} - min(${x}) OVER ()) / nullif(max(${x}) OVER () - min(${x}) OVER (), 0), 0)`;
}

/**
 * CTEs ending in `scored`: one row per sector with activity in the area (`inArea(alias)` is the
 * SQL predicate placing a vacancy, placement or seeker row in it), with the four components of
 * the sector score, their normalised values, weighted contributions, score, rank and reason codes.
 *
 * Components over `$from`..`$to` (default: the 12 months up to the latest month with vacancies):
 * lq = LQ of vacancies; growth = the competitive effect of the vacancies against the same months
 * a year earlier; tightness = open positions / (open positions + active seekers) at the end of
 * `$to`; youth = share of placements of people aged 15-29. Each is min-max normalised across the
 * area's sectors and multiplied by its weight; score = the sum of the four contributions.
 * Binds `$c_from`, `$c_to`, `$b_from`, `$b_to`, `$at` and what `inArea` and `w` use; `storedStock`:
 * `$at` is NULL (the end of the data), whose market stock the rebuild kept.
 */
export function sectorScoreCtes(inArea: (alias: string) => string, w: SectorWeights, storedStock: boolean): string {
  return `${shiftShareCtes('vacancies', inArea('x'))}, ${END_CTE}, ${marketStockCte(inArea('s'), ['sector'], storedStock)},
  sec_open AS (SELECT code AS sector_code, sum(open_positions) AS np FROM stock GROUP BY code HAVING sum(open_vacancies) > 0),
  sec_seek AS (SELECT code AS sector_code, sum(seekers) AS ns FROM stock GROUP BY code HAVING sum(seekers) > 0),
  ${monthListCte('cur_months', 'cf', 'ct', 'per')},
  sec_youth AS (
    SELECT p.code AS sector_code, sum(p.placements) AS npl, sum(p.young) / sum(p.placements)::DOUBLE AS youth_share
    FROM market_month p JOIN cur_months ON cur_months.month = p.month
    WHERE p.kind = 'sector' AND ${inArea('p')} GROUP BY p.code HAVING sum(p.placements) > 0
  ),
  comp AS (
    SELECT k.sector_code, coalesce(ss.e0, 0) AS e0, coalesce(ss.e1, 0) AS e1, ss.sector_growth, ss.national_growth, ss.industry_mix,
      coalesce(ss.competitive_effect, 0) AS competitive_effect,
      (coalesce(ss.e1, 0) / nullif(sum(ss.e1) OVER (), 0)) / nullif(ss.n1 / nullif(sum(ss.n1) OVER (), 0), 0) AS lq_vacancies,
      coalesce(o.np, 0)::INTEGER AS open_positions, coalesce(s.ns, 0)::INTEGER AS active_seekers,
      coalesce(o.np, 0) / nullif(coalesce(o.np, 0) + coalesce(s.ns, 0), 0)::DOUBLE AS tightness_share,
      coalesce(y.npl, 0)::INTEGER AS placements, y.youth_share
    FROM (SELECT sector_code FROM ss WHERE e0 > 0 OR e1 > 0 UNION SELECT sector_code FROM sec_open UNION SELECT sector_code FROM sec_seek UNION SELECT sector_code FROM sec_youth) k
    LEFT JOIN ss USING (sector_code) LEFT JOIN sec_open o USING (sector_code) LEFT JOIN sec_seek s USING (sector_code) LEFT JOIN sec_youth y USING (sector_code)
  ),
  normed AS (
    SELECT *, ${minMax('lq_vacancies')} AS lq_norm, ${minMax('competitive_effect')} AS growth_norm,
      ${minMax('tightness_share')} AS tightness_norm, ${minMax('youth_share')} AS youth_norm
    FROM comp
  ),
  contributed AS (
    SELECT *, (${w.lq}) * lq_norm AS lq_contribution, (${w.growth}) * growth_norm AS growth_contribution,
      (${w.tightness}) * tightness_norm AS tightness_contribution, (${w.youth}) * youth_norm AS youth_contribution
    FROM normed
  ),
  scored AS (
    SELECT *, lq_contribution + growth_contribution + tightness_contribution + youth_contribution AS score,
      concat_ws(',',
        CASE WHEN lq_vacancies >= ${SPECIALISED_LQ} THEN 'specialised' END,
        CASE WHEN e0 > 0 AND competitive_effect > 0 THEN 'growing_faster_than_nation' END,
        CASE WHEN e0 = 0 AND e1 > 0 THEN 'new_in_territory' END,
        CASE WHEN e0 > 0 AND competitive_effect < 0 THEN 'growing_slower_than_nation' END,
        CASE WHEN industry_mix > 0 OR (e0 = 0 AND sector_growth > national_growth) THEN 'sector_growing_nationally' END,
        CASE WHEN open_positions > 0 AND open_positions >= active_seekers THEN 'short_of_candidates' END,
        CASE WHEN active_seekers > 0 AND open_positions * 3 <= active_seekers THEN 'seekers_without_vacancies' END,
        CASE WHEN placements > 0 AND youth_share >= ${YOUTH_SHARE} THEN 'hires_young_people' END
      ) AS reasons
    FROM contributed
  )`;
}
