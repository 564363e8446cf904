/**
 * `survey_round` and `survey_earned` (migration 012): the survey rounds held, and the weighted
 * median labour income of the employed by round, occupation major group and province (and the
 * nation, scope 'EC'), rebuilt with the facts so that the market queries read a few rows
 * instead of scanning and sorting the survey.
 */

/** CIUO-08 major group of a survey person: grupo1 1-9, and 10 (armed forces) as major group '0'; NULL when not reported. */
export const SURVEY_OCCUPATION = "CASE WHEN grupo1 = 10 THEN '0' WHEN grupo1 BETWEEN 1 AND 9 THEN grupo1::VARCHAR END";

/** The scope of the nation's rows in `survey_earned` (the country's code in `territory`). */
export const NATION_SCOPE = 'EC';

/**
 * Statements that rebuild `survey_round` and `survey_earned` from `survey_person`. Earners: people employed
 * (condact 1-6) with a labour income (ingrl) and an occupation. For each round, scope (a
 * province, or the nation) and occupation: the weighted median income, min{ y : Σ_{y_i ≤ y}
 * fexp_i ≥ ½ Σ fexp_i }, and the number of earners (unweighted).
 */
export const REBUILD_SURVEY_EARNED: readonly string[] = [
  'DELETE FROM survey_round',
  'INSERT INTO survey_round SELECT DISTINCT period FROM survey_person ORDER BY period',
  'DELETE FROM survey_earned',
  `INSERT INTO survey_earned
   WITH earners AS (
     SELECT p.period, ${SURVEY_OCCUPATION} AS k, p.province_code, p.ingrl::DOUBLE AS y, p.fexp AS w
     FROM survey_person p
     WHERE p.condact BETWEEN 1 AND 6 AND p.ingrl IS NOT NULL AND ${SURVEY_OCCUPATION} IS NOT NULL
   ),
   scoped AS (SELECT period, '${NATION_SCOPE}' AS scope, k, y, w FROM earners UNION ALL SELECT period, province_code, k, y, w FROM earners),
   cdf AS (
     SELECT period, scope, k, y,
       sum(w) OVER (PARTITION BY period, scope, k ORDER BY y ROWS UNBOUNDED PRECEDING) / sum(w) OVER (PARTITION BY period, scope, k) AS F
     FROM scoped
   )
   SELECT period, scope, k, min(y) FILTER (WHERE F >= 0.5), count(*)::INTEGER FROM cdf GROUP BY period, scope, k ORDER BY period, scope, k`,
];
