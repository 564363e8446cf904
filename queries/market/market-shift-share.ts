import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';
import { monthRange, territoryCode, perTerritory } from './market-params.ts';
import { inTerritory } from './market-sql.ts';
import { SHIFT_SHARE_MEASURES, shiftShareCtes } from './shift-share-sql.ts';

/**
 * Shift-share of a territory's vacancies, positions or placements by sector between a base and a
 * current period: the actual change split into national growth, industry mix and the
 * territory's competitive effect, which add up to the change exactly.
 */
export const marketShiftShare = defineQuery({
  name: 'market-shift-share',
  audience: 'policy',
  title: { es: 'Análisis shift-share por sector', en: 'Shift-share analysis by sector' },
  description: {
    es: 'Cambio de las vacantes, los puestos o las colocaciones del territorio (provincia o cantón) por sección CIIU entre un periodo base y uno actual, descompuesto en crecimiento nacional, mezcla sectorial y efecto competitivo (lo que el territorio creció más o menos que su sector en el país). Periodos: AAAA, AAAA-MM o AAAA-MM:AAAA-MM; por defecto, los 12 meses hasta el último mes con datos y los mismos meses un año antes.',
    en: 'Change in the territory’s (province or canton) vacancies, positions or placements by CIIU section between a base and a current period, split into national growth, industry mix and competitive effect (how much more or less the territory grew than its sector nationally). Periods: YYYY, YYYY-MM or YYYY-MM:YYYY-MM; by default the 12 months up to the latest month with data and the same months a year earlier.',
  },
  formula: {
    es: 'Δ = e1 − e0 = e0·G + e0·(g_s − G) + e0·(g_st − g_s); G = N1/N0 − 1 (total nacional), g_s = n1/n0 − 1 (sector en el país), g_st = e1/e0 − 1 (sector en el territorio); si e0 = 0, todo el cambio es efecto competitivo',
    en: 'Δ = e1 − e0 = e0·G + e0·(g_s − G) + e0·(g_st − g_s); G = N1/N0 − 1 (national total), g_s = n1/n0 − 1 (sector nationally), g_st = e1/e0 − 1 (sector in the territory); when e0 = 0 the whole change is competitive effect',
  },
  sources: ['market_month', 'fact_bounds'],
  params: z.strictObject({
    territory: territoryCode,
    measure: z.enum(SHIFT_SHARE_MEASURES).optional(),
    base: monthRange.optional(),
    current: monthRange.optional(),
  }),
  columns: [
    { name: 'sector_code', kind: 'string', label: { es: 'Sector (sección CIIU)', en: 'Sector (CIIU section)' } },
    { name: 'base_period', kind: 'string', label: { es: 'Periodo base', en: 'Base period' } },
    { name: 'current_period', kind: 'string', label: { es: 'Periodo actual', en: 'Current period' } },
    { name: 'base_value', kind: 'number', label: { es: 'Valor en la base (territorio)', en: 'Base value (territory)' } },
    { name: 'current_value', kind: 'number', label: { es: 'Valor actual (territorio)', en: 'Current value (territory)' } },
    { name: 'change', kind: 'number', label: { es: 'Cambio', en: 'Change' } },
    { name: 'national_growth', kind: 'number', label: { es: 'Crecimiento nacional total', en: 'National growth, all sectors' } },
    { name: 'sector_growth', kind: 'number', label: { es: 'Crecimiento del sector en el país', en: 'Sector growth, nation' } },
    { name: 'territory_growth', kind: 'number', label: { es: 'Crecimiento del sector en el territorio', en: 'Sector growth, territory' } },
    { name: 'national_share', kind: 'number', label: { es: 'Efecto crecimiento nacional', en: 'National growth effect' } },
    { name: 'industry_mix', kind: 'number', label: { es: 'Efecto mezcla sectorial', en: 'Industry mix effect' } },
    { name: 'competitive_effect', kind: 'number', label: { es: 'Efecto competitivo', en: 'Competitive effect' } },
  ],
  example: { territory: '17', measure: 'vacancies' },
  // The outreach page's analysis of each province, precomputed when a warehouse is served.
  warm: perTerritory(),
  build: (p) => ({
    sql: `WITH ${shiftShareCtes(p.measure ?? 'vacancies', inTerritory('x'))}
      SELECT ss.sector_code,
        strftime(per.bf, '%Y-%m') || ':' || strftime(per.bt, '%Y-%m') AS base_period,
        strftime(per.cf, '%Y-%m') || ':' || strftime(per.ct, '%Y-%m') AS current_period,
        ss.e0 AS base_value, ss.e1 AS current_value, ss.e1 - ss.e0 AS change,
        ss.national_growth, ss.sector_growth, ss.territory_growth, ss.national_share, ss.industry_mix, ss.competitive_effect
      FROM ss, per
      WHERE ss.e0 > 0 OR ss.e1 > 0
      ORDER BY ss.sector_code`,
    params: {
      territory: p.territory,
      b_from: p.base?.from ?? null, b_to: p.base?.to ?? null,
      c_from: p.current?.from ?? null, c_to: p.current?.to ?? null,
    },
  }),
});
