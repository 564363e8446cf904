import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { locationQuotientColumns, locationQuotientSql } from './location-quotient-sql.ts';
import { perTerritory, territoryCode } from './market-params.ts';
import { OCCUPATION } from './market-sql.ts';

/**
 * A territory's occupations (CIUO-08 major groups) against the nation: employment from the
 * survey, vacancies, positions and placements from the registry, their shares, and the
 * location quotients of employment and of vacancies.
 */
export const marketOccupations = defineQuery({
  name: 'market-occupations',
  audience: 'policy',
  title: { es: 'Ocupaciones del mercado laboral local', en: 'Occupations of the local labour market' },
  description: {
    es: 'Por gran grupo CIUO-08, en el territorio (provincia o cantón) y en el país: ocupados según la encuesta (ponderados, última ronda del periodo; para un cantón, los de su provincia), vacantes, puestos y colocaciones del servicio en el periodo, la participación de cada grupo en el total del territorio y del país, y los cocientes de localización del empleo y de las vacantes. Sin periodo: los 12 meses hasta el último mes con vacantes.',
    en: 'By CIUO-08 major group, in the territory (province or canton) and in the nation: employed people from the survey (weighted, latest round in the period; for a canton, those of its province), the service’s vacancies, positions and placements in the period, each group’s share of the territory’s and the nation’s total, and the location quotients of employment and vacancies. Without a period: the 12 months up to the latest month with vacancies.',
  },
  formula: {
    es: 'CL = (x_s,t / x_t) / (x_s,n / x_n); x = ocupados (Σ fexp, condact 1-6) o vacantes; CL > 1: el territorio está especializado en la ocupación',
    en: 'LQ = (x_s,t / x_t) / (x_s,n / x_n); x = employed (Σ fexp, condact 1-6) or vacancies; LQ > 1: the territory is specialised in the occupation',
  },
  sources: ['survey_employed', 'survey_round', 'market_month', 'fact_bounds'],
  params: z.strictObject({ territory: territoryCode, from: month.optional(), to: month.optional() }),
  columns: locationQuotientColumns(OCCUPATION, { es: 'Ocupación (gran grupo CIUO-08)', en: 'Occupation (CIUO-08 major group)' }),
  example: { territory: '17' },
  // Each province's answer precomputed when a warehouse is served, as for market-sectors.
  warm: perTerritory(),
  build: (p) => ({
    sql: locationQuotientSql(OCCUPATION),
    params: { territory: p.territory, from: monthStart(p.from), to: monthStart(p.to) },
  }),
});
