import { z } from 'zod';
import { month } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { estimateColumns } from './estimate-columns.ts';
import type { Dimension } from './indicators.ts';
import { DEFAULT_QUALITY } from './quality.ts';
import { surveyCompositionSql } from './survey-sql.ts';

const EMPLOYED = 'p.condact BETWEEN 1 AND 6';

/** The populations whose composition is published: employed young people, and all employed for comparison. */
export const POPULATIONS = {
  employed_15_29: `${EMPLOYED} AND p.age BETWEEN 15 AND 29`,
  employed_15_24: `${EMPLOYED} AND p.age BETWEEN 15 AND 24`,
  employed: EMPLOYED,
} as const;

const COMPOSITION_OF = ['sector', 'occupation', 'employment_type', 'employment_status'] as const;
const BY = ['sex', 'area', 'age_group'] as const;

/**
 * Where young people work: the shares of employed young people (or of all employed) by sector,
 * occupation or sector of employment (formal, informal, domestic), each with its Taylor-linearised
 * standard error, CV, 95% interval and quality flag; optionally by sex, area or age group.
 */
export const surveyComposition = defineQuery({
  name: 'survey-composition',
  audience: 'public',
  title: { es: 'Dónde trabajan las personas jóvenes (ENEMDU)', en: 'Where young people work (ENEMDU)' },
  description: {
    es: 'Distribución de las personas ocupadas (de 15 a 29 o de 15 a 24 años, o de todas las edades) por rama de actividad (CIIU), grupo de ocupación (CIUO) o sector de empleo (formal, informal, doméstico), con error estándar, CV, intervalo de 95 % y calidad de cada proporción.',
    en: 'Employed persons (aged 15-29 or 15-24, or of all ages) by industry (ISIC), occupation group (ISCO) or sector of employment (formal, informal, domestic), with the standard error, CV, 95% interval and quality of each share.',
  },
  formula: {
    es: 'R_c = Σ fexp·[categoría = c] / Σ fexp, sobre la población; V(R_c) por linealización de Taylor como una tasa (estratos y UPM); las personas sin categoría forman "unknown", de modo que las proporciones suman 1',
    en: 'R_c = Σ fexp·[category = c] / Σ fexp over the population; V(R_c) by Taylor linearisation as a rate (strata and PSUs); persons without a category form "unknown", so the shares add up to 1',
  },
  sources: ['survey_person'],
  params: z.strictObject({
    // A default is part of the validated parameters, so that asking for it or not is one cached answer.
    population: z.enum(Object.keys(POPULATIONS) as [keyof typeof POPULATIONS, ...(keyof typeof POPULATIONS)[]]).default('employed_15_29'),
    of: z.enum(COMPOSITION_OF),
    by: z.enum(BY).optional(),
    period: month.optional(),
  }),
  columns: estimateColumns({ estimate: { es: 'Proporción', en: 'Share' }, n: { es: 'n de la población (sin ponderar)', en: 'Population n (unweighted)' }, denominator: { es: 'Población ponderada', en: 'Weighted population' } }),
  example: { of: 'employment_type' },
  warm: {
    params: (Object.keys(POPULATIONS) as string[]).flatMap((population) => COMPOSITION_OF.flatMap((of) => ['', 'sex'].map((by): Record<string, string> => (by ? { population, of, by } : { population, of })))),
    splitBy: { param: 'period', column: 'period' },
  },
  build: (p) => ({
    sql: surveyCompositionSql(POPULATIONS[p.population], p.of as Dimension, p.by ? [p.by as Dimension] : [], DEFAULT_QUALITY),
    params: { period: p.period ?? null },
  }),
});
