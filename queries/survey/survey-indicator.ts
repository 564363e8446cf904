import { z } from 'zod';
import { month } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { estimateColumns } from './estimate-columns.ts';
import { DIMENSIONS, INDICATORS, indicatorById, type Dimension } from './indicators.ts';
import { DEFAULT_QUALITY } from './quality.ts';
import { surveySql } from './survey-sql.ts';

const dimensionList = z
  .string()
  .transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean))
  .refine((ds) => ds.every((d) => d in DIMENSIONS), { message: `by: each dimension must be one of ${Object.keys(DIMENSIONS).join(', ')}` })
  .refine((ds) => ds.length <= 2 && new Set(ds).size === ds.length, { message: 'by: at most two different dimensions' })
  .transform((ds) => ds as Dimension[]);

/**
 * Labour-force survey indicators (ENEMDU) with their precision: estimate, standard error by
 * Taylor linearisation under the stratified cluster design, CV, 95% interval, unweighted n and a
 * quality flag; unreliable cells carry the flag and no figures. By period (all periods: a
 * trend) and by up to two of sex, area, province, age group, industry, occupation and sector of
 * employment (the last three describe employed persons).
 */
export const surveyIndicator = defineQuery({
  name: 'survey-indicator',
  audience: 'public',
  title: { es: 'Indicadores laborales de la encuesta (ENEMDU)', en: 'Labour indicators from the survey (ENEMDU)' },
  description: {
    es: `Indicadores ponderados por fexp con error estándar por linealización de Taylor (estratos y UPM), CV, intervalo de confianza del 95 %, n y calidad. Indicadores: ${INDICATORS.map((i) => i.id).join(', ')}.`,
    en: `Indicators weighted by fexp with Taylor-linearised standard errors (strata and PSUs), CV, 95% confidence interval, n and quality. Indicators: ${INDICATORS.map((i) => i.id).join(', ')}.`,
  },
  formula: {
    es: 'R = Σ w·y / Σ w·x; V(R) = Σ_h n_h/(n_h−1) Σ_i (z_hi − z̄_h)², z_k = w_k (y_k − R x_k) / Σ w·x; CV = EE/R; IC 95 % = R ± 1,96·EE',
    en: 'R = Σ w·y / Σ w·x; V(R) = Σ_h n_h/(n_h−1) Σ_i (z_hi − z̄_h)², z_k = w_k (y_k − R x_k) / Σ w·x; CV = SE/R; 95% CI = R ± 1.96·SE',
  },
  sources: ['survey_person'],
  params: z.strictObject({
    indicator: z.enum(INDICATORS.map((i) => i.id) as [string, ...string[]]),
    period: month.optional(),
    by: dimensionList.optional(),
  }),
  columns: estimateColumns({ estimate: { es: 'Estimación', en: 'Estimate' }, n: { es: 'n (sin ponderar)', en: 'n (unweighted)' }, denominator: { es: 'Denominador ponderado', en: 'Weighted denominator' } }),
  example: { indicator: 'youth_unemployment_15_24', by: 'sex' },
  // Every indicator over all periods, whole and by each single dimension; each period's answer is a slice.
  warm: {
    params: INDICATORS.flatMap((i) => ['', 'sex', 'area', 'province', 'age_group'].map((by): Record<string, string> => (by ? { indicator: i.id, by } : { indicator: i.id }))),
    splitBy: { param: 'period', column: 'period' },
  },
  build: (p) => ({
    sql: surveySql(indicatorById(p.indicator)!, p.by ?? [], DEFAULT_QUALITY),
    params: { period: p.period ?? null },
  }),
});
