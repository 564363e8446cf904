import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { territoryCode, perTerritory } from './market-params.ts';
import { NATION_SCOPE } from '../../warehouse/survey-earned.ts';
import { SURVEY_PERIOD_CTE, WINDOW_CTE, inTerritory } from './market-sql.ts';

/** Unweighted survey observations below which a median wage earned is flagged as a small sample. */
export const MIN_SURVEY_N = 30;

/**
 * Wages offered in the service's vacancies (median) against wages earned by the employed
 * (survey labour income, weighted median), by occupation major group, in the territory and in
 * the nation.
 */
export const marketWages = defineQuery({
  name: 'market-wages',
  audience: 'policy',
  title: { es: 'Salarios ofrecidos y salarios percibidos', en: 'Wages offered and wages earned' },
  description: {
    es: `Por gran grupo CIUO-08: mediana del salario ofrecido en las vacantes publicadas en el periodo (territorio y país) y mediana ponderada del ingreso laboral (ingrl) de los ocupados según la última ronda de la encuesta en el periodo (provincia del territorio y país), con su razón. Con menos de ${MIN_SURVEY_N} observaciones la mediana percibida se marca small_sample.`,
    en: `By CIUO-08 major group: median wage offered in the vacancies posted in the period (territory and nation) and weighted median labour income (ingrl) of the employed in the latest survey round in the period (the territory’s province and the nation), with their ratio. With fewer than ${MIN_SURVEY_N} observations the median earned is flagged small_sample.`,
  },
  formula: {
    es: 'ofrecido = mediana(salario_ofrecido); percibido = min{ y : Σ_{y_i ≤ y} fexp_i ≥ ½ Σ fexp_i } sobre ocupados (condact 1-6) con ingreso; razón = ofrecido / percibido',
    en: 'offered = median(wage_offered); earned = min{ y : Σ_{y_i ≤ y} fexp_i ≥ ½ Σ fexp_i } over the employed (condact 1-6) with income; ratio = offered / earned',
  },
  sources: ['vacancy_fact', 'offered_wage_end', 'survey_round', 'survey_earned', 'fact_bounds'],
  params: z.strictObject({ territory: territoryCode, from: month.optional(), to: month.optional() }),
  columns: [
    { name: 'occupation_code', kind: 'string', label: { es: 'Ocupación (gran grupo CIUO-08)', en: 'Occupation (CIUO-08 major group)' } },
    { name: 'vacancies_with_wage', kind: 'integer', label: { es: 'Vacantes con salario (territorio)', en: 'Vacancies with a wage (territory)' } },
    { name: 'median_wage_offered', kind: 'number', label: { es: 'Salario ofrecido, mediana (territorio)', en: 'Wage offered, median (territory)' } },
    { name: 'median_wage_offered_nation', kind: 'number', label: { es: 'Salario ofrecido, mediana (país)', en: 'Wage offered, median (nation)' } },
    { name: 'survey_period', kind: 'string', label: { es: 'Periodo de la encuesta', en: 'Survey period' } },
    { name: 'earned_n', kind: 'integer', label: { es: 'Observaciones de la encuesta (provincia)', en: 'Survey observations (province)' } },
    { name: 'median_wage_earned', kind: 'number', label: { es: 'Ingreso laboral, mediana ponderada (provincia)', en: 'Labour income, weighted median (province)' } },
    { name: 'median_wage_earned_nation', kind: 'number', label: { es: 'Ingreso laboral, mediana ponderada (país)', en: 'Labour income, weighted median (nation)' } },
    { name: 'offered_to_earned', kind: 'number', label: { es: 'Razón ofrecido / percibido', en: 'Offered / earned ratio' } },
    { name: 'earned_flag', kind: 'string', label: { es: 'Calidad de la mediana percibida', en: 'Quality of the median earned' } },
  ],
  example: { territory: '17' },
  // The outreach page's analysis of each province, precomputed when a warehouse is served.
  warm: perTerritory(),
  build: (p) => ({
    // Without a period, the nation's medians offered over the default 12 months were kept when the facts were rebuilt.
    sql: `WITH ${WINDOW_CTE}, ${SURVEY_PERIOD_CTE},
      ${p.from === undefined && p.to === undefined ? `offered AS (
        SELECT nation.occupation_code AS k, coalesce(here.n, 0) AS n, here.mt, nation.median_offered AS mn
        FROM offered_wage_end nation LEFT JOIN (
          SELECT occupation_code, count(*) AS n, median(wage_offered::DOUBLE) AS mt
          FROM vacancy_fact, win WHERE posted_month BETWEEN win.f AND win.t AND wage_offered IS NOT NULL AND ${inTerritory()} GROUP BY occupation_code
        ) here USING (occupation_code)
      ),` : `offered AS (
        SELECT occupation_code AS k, count(*) FILTER (WHERE ${inTerritory()}) AS n,
          median(wage_offered::DOUBLE) FILTER (WHERE ${inTerritory()}) AS mt, median(wage_offered::DOUBLE) AS mn
        FROM vacancy_fact, win WHERE posted_month BETWEEN win.f AND win.t AND wage_offered IS NOT NULL GROUP BY k
      ),`}
      -- The weighted medians of the round, kept by province and for the nation when the facts were rebuilt.
      earned AS (
        SELECT occupation_code AS k, max(median_earned) FILTER (WHERE scope = left($territory::VARCHAR, 2)) AS mt,
          max(median_earned) FILTER (WHERE scope = '${NATION_SCOPE}') AS mn, max(earners) FILTER (WHERE scope = left($territory::VARCHAR, 2)) AS n
        FROM survey_earned s, sp WHERE s.period = sp.period GROUP BY k
      )
      SELECT k AS occupation_code, coalesce(o.n, 0)::INTEGER AS vacancies_with_wage, o.mt AS median_wage_offered, o.mn AS median_wage_offered_nation,
        sp.period AS survey_period, coalesce(e.n, 0)::INTEGER AS earned_n, e.mt AS median_wage_earned, e.mn AS median_wage_earned_nation,
        o.mt / nullif(e.mt, 0) AS offered_to_earned,
        CASE WHEN e.mt IS NULL THEN NULL WHEN e.n < ${MIN_SURVEY_N} THEN 'small_sample' ELSE 'ok' END AS earned_flag
      FROM (SELECT k FROM offered UNION SELECT k FROM earned) keys LEFT JOIN offered o USING (k) LEFT JOIN earned e USING (k), sp
      ORDER BY k`,
    params: { territory: p.territory, from: monthStart(p.from), to: monthStart(p.to) },
  }),
});
