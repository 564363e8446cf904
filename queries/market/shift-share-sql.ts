/** What a shift-share decomposes: a count of vacancies, of positions or of placements. */
export type ShiftShareMeasure = 'vacancies' | 'positions' | 'placements';

/**
 * Where each measure is read in `market_month`: the column summed, the count of the records it
 * comes from (a sector is there when it has one) and the latest month with data (fixed text,
 * never user input).
 */
const MEASURES: Record<ShiftShareMeasure, { value: string; records: string; latest: string }> = {
  vacancies: { value: 'vacancies', records: 'vacancies', latest: 'SELECT vacancy_month FROM fact_bounds' },
  positions: { value: 'positions', records: 'vacancies', latest: 'SELECT vacancy_month FROM fact_bounds' },
  placements: { value: 'placements', records: 'placements', latest: "SELECT date_trunc('month', data_end)::DATE FROM fact_bounds" },
};

/** The measures a shift-share accepts. */
export const SHIFT_SHARE_MEASURES = Object.keys(MEASURES) as [ShiftShareMeasure, ...ShiftShareMeasure[]];

/**
 * CTEs `per(bf, bt, cf, ct)` and `ss(sector_code, e0, e1, n0, n1, national_growth, sector_growth,
 * territory_growth, national_share, industry_mix, competitive_effect)`: the classic shift-share of
 * a measure by sector between a base and a current period, for the rows of `market_month` (alias
 * `x`) where `inArea` holds (joined to the periods' months, so that only their rows are read).
 *
 * Current period: `$c_from`..`$c_to`, by default the 12 months up to the latest month of the
 * measure; base: `$b_from`..`$b_to`, by default the current period one year earlier (same
 * months, so seasons cancel). With e = the area's sector value, n = the nation's sector value,
 * N = the nation's total, 0 = base, 1 = current: national share = e0·(N1/N0 − 1), industry mix
 * = e0·(n1/n0 − N1/N0), competitive effect = e1 − e0·n1/n0; they add up to e1 − e0. A sector
 * absent from the area in the base period has its whole change as competitive effect.
 */
export function shiftShareCtes(measure: ShiftShareMeasure, inArea: string): string {
  const m = MEASURES[measure];
  return `cur AS (
    SELECT coalesce($c_from::DATE, (coalesce($c_to::DATE, mx) - INTERVAL 11 MONTH)::DATE) AS cf, coalesce($c_to::DATE, mx) AS ct
    FROM (SELECT (${m.latest}) AS mx)
  ),
  per AS (
    SELECT cf, ct, coalesce($b_from::DATE, (cf - INTERVAL 12 MONTH)::DATE) AS bf, coalesce($b_to::DATE, (ct - INTERVAL 12 MONTH)::DATE) AS bt FROM cur
  ),
  ss_months AS (
    SELECT month, month BETWEEN bf AND bt AS base, month BETWEEN cf AND ct AS current
    FROM (SELECT unnest(generate_series(least(bf, cf), greatest(bt, ct), INTERVAL 1 MONTH))::DATE AS month, bf, bt, cf, ct FROM per)
    WHERE month BETWEEN bf AND bt OR month BETWEEN cf AND ct
  ),
  ss_agg AS (
    SELECT x.code AS sector_code,
      coalesce(sum(x.${m.value}) FILTER (WHERE p.base AND ${inArea}), 0)::DOUBLE AS e0,
      coalesce(sum(x.${m.value}) FILTER (WHERE p.current AND ${inArea}), 0)::DOUBLE AS e1,
      coalesce(sum(x.${m.value}) FILTER (WHERE p.base), 0)::DOUBLE AS n0,
      coalesce(sum(x.${m.value}) FILTER (WHERE p.current), 0)::DOUBLE AS n1
    FROM market_month x JOIN ss_months p ON p.month = x.month
    WHERE x.kind = 'sector'
    GROUP BY x.code
    HAVING sum(x.${m.records}) > 0
  ),
  ss_tot AS (SELECT sum(n0) AS N0, sum(n1) AS N1 FROM ss_agg),
  ss AS (
    SELECT a.sector_code, a.e0, a.e1, a.n0, a.n1,
      t.N1 / nullif(t.N0, 0) - 1 AS national_growth,
      a.n1 / nullif(a.n0, 0) - 1 AS sector_growth,
      a.e1 / nullif(a.e0, 0) - 1 AS territory_growth,
      CASE WHEN a.e0 = 0 THEN 0 ELSE a.e0 * (t.N1 / t.N0 - 1) END AS national_share,
      CASE WHEN a.e0 = 0 THEN 0 ELSE a.e0 * (a.n1 / a.n0 - t.N1 / t.N0) END AS industry_mix,
      CASE WHEN a.e0 = 0 THEN a.e1 ELSE a.e1 - a.e0 * a.n1 / a.n0 END AS competitive_effect
    FROM ss_agg a, ss_tot t
  )`;
}
