import { z } from 'zod';
import { month, monthStart } from '../catalogue/params.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { locationQuotientColumns, locationQuotientSql } from './location-quotient-sql.ts';
import { territoryCode, perTerritory } from './market-params.ts';
import { SECTOR } from './market-sql.ts';

/**
 * A territory's economic sectors (CIIU Rev.4 sections) against the nation: employment from the
 * survey, vacancies, positions and placements from the registry, their shares, and the
 * location quotients of employment and of vacancies.
 */
export const marketSectors = defineQuery({
  name: 'market-sectors',
  audience: 'policy',
  title: { es: 'Sectores del mercado laboral local', en: 'Sectors of the local labour market' },
  description: {
    es: 'Por sección CIIU, en el territorio (provincia o cantón) y en el país: ocupados según la encuesta (ponderados, última ronda del periodo; para un cantón, los de su provincia), vacantes, puestos y colocaciones del servicio en el periodo, la participación de cada sector en el total del territorio y del país, y los cocientes de localización del empleo y de las vacantes. Sin periodo: los 12 meses hasta el último mes con vacantes.',
    en: 'By CIIU section, in the territory (province or canton) and in the nation: employed people from the survey (weighted, latest round in the period; for a canton, those of its province), the service’s vacancies, positions and placements in the period, each sector’s share of the territory’s and the nation’s total, and the location quotients of employment and vacancies. Without a period: the 12 months up to the latest month with vacancies.',
  },
  formula: {
    es: 'CL = (x_s,t / x_t) / (x_s,n / x_n); x = ocupados (Σ fexp, condact 1-6) o vacantes; CL > 1: el territorio está especializado en el sector',
    en: 'LQ = (x_s,t / x_t) / (x_s,n / x_n); x = employed (Σ fexp, condact 1-6) or vacancies; LQ > 1: the territory is specialised in the sector',
  },
  sources: ['survey_employed', 'survey_round', 'market_month', 'fact_bounds'],
  params: z.strictObject({ territory: territoryCode, from: month.optional(), to: month.optional() }),
  columns: locationQuotientColumns(SECTOR, { es: 'Sector (sección CIIU)', en: 'Sector (CIIU section)' }),
  example: { territory: '17' },
  // The outreach page's analysis of each province, precomputed when a warehouse is served.
  warm: perTerritory(),
  build: (p) => ({
    sql: locationQuotientSql(SECTOR),
    params: { territory: p.territory, from: monthStart(p.from), to: monthStart(p.to) },
  }),
});
