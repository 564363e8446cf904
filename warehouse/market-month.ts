/**
 * `market_month` (migration 012): vacancies, positions and placements counted by month, province,
 * canton and sector or occupation, rebuilt from the facts. The market queries (location quotients,
 * shift-share, the sector score) sum these instead of counting hundreds of thousands of rows. And
 * `offered_wage_end`: the nation's median wage offered by occupation over the 12 months up to the
 * latest month with vacancies, which market-wages reads when asked for no period.
 */

/** Age bands of placements counted as young people (15-29, the age span of youth employment policy). */
export const YOUTH_BANDS = "('15-17', '18-24', '25-29')";

/** A breakdown `market_month` holds: its `kind` and the column of the facts its `code` comes from. */
const BREAKDOWNS = [
  { kind: 'sector', column: 'sector_code' },
  { kind: 'occupation', column: 'occupation_code' },
] as const;

/**
 * Statements that rebuild `market_month` from `vacancy_fact` (by posting month) and
 * `placement_fact` (by placement month); a row for every month, place and code with a vacancy or
 * a placement, sorted by month.
 */
export const REBUILD_MARKET_MONTH: readonly string[] = [
  'DELETE FROM market_month',
  `INSERT INTO market_month
   ${BREAKDOWNS.map(({ kind, column }) => `SELECT month, '${kind}' AS kind, code, province_code, canton_code,
       sum(vacancies)::INTEGER, sum(positions)::INTEGER, sum(placements)::INTEGER, sum(young)::INTEGER
     FROM (
       SELECT posted_month AS month, ${column} AS code, province_code, canton_code, count(*) AS vacancies, sum(positions) AS positions, 0 AS placements, 0 AS young
       FROM vacancy_fact GROUP BY ALL
       UNION ALL
       SELECT month, ${column}, province_code, canton_code, 0, 0, count(*), count(*) FILTER (WHERE age_band IN ${YOUTH_BANDS})
       FROM placement_fact GROUP BY ALL)
     GROUP BY ALL`).join('\n   UNION ALL\n   ')}
   ORDER BY month, kind, province_code, canton_code, code`,
];

/**
 * Statements that rebuild `offered_wage_end` from `vacancy_fact` (after `fact_bounds`): for each
 * occupation, the median wage offered (as DOUBLE) in the vacancies with a wage posted in the 12
 * months up to the latest month with vacancies, as market-wages computes it for the nation.
 */
export const REBUILD_OFFERED_WAGE_END: readonly string[] = [
  'DELETE FROM offered_wage_end',
  `INSERT INTO offered_wage_end
   SELECT v.occupation_code, median(v.wage_offered::DOUBLE)
   FROM vacancy_fact v, (SELECT (vacancy_month - INTERVAL 11 MONTH)::DATE AS f, vacancy_month AS t FROM fact_bounds) win
   WHERE v.posted_month BETWEEN win.f AND win.t AND v.wage_offered IS NOT NULL
   GROUP BY v.occupation_code ORDER BY v.occupation_code`,
];
