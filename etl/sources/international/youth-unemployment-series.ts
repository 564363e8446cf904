import type { SourceContract } from '../../contract/source-contract.ts';
import { column } from '../columns.ts';

/**
 * The World Bank / ILO modelled series of youth (15-24) unemployment, as downloaded in long format
 * (`Entity,Code,Year,"Unemployment rate, ages 15-24"`): one row per country or region and year.
 */
export const youthUnemploymentSeries: SourceContract = {
  id: 'youth-unemployment-series',
  fileNames: ['youth-unemployment-15-24', 'sl.uem.1524.zs'],
  title: { es: 'Desempleo juvenil, estimaciones modeladas de la OIT (Banco Mundial)', en: 'Youth unemployment, ILO modelled estimates (World Bank)' },
  table: 'intl_youth_unemployment',
  naturalKey: ['entity', 'year'],
  columns: [
    column('entity', { type: 'text', maxLength: 120 }, { es: 'País o región', en: 'Country or region' }),
    column('code', { type: 'text', maxLength: 12, pattern: '^[A-Z][A-Z0-9_]{2,11}$', patternDoc: 'código ISO de 3 letras u OWID_*' }, { es: 'Código ISO 3166-1 alfa-3 (vacío en agregados regionales)', en: 'ISO 3166-1 alpha-3 code (empty for regional aggregates)' }, { required: false }),
    column('year', { type: 'integer', min: 1950, max: 2100 }, { es: 'Año', en: 'Year' }),
    column('unemployment rate, ages 15-24', { type: 'decimal', min: 0, max: 100 }, { es: 'Tasa de desempleo de 15 a 24 años (%)', en: 'Unemployment rate, ages 15-24 (%)' }),
  ],
  checks: [],
  insert: `s.entity, s.code, s.year, s."unemployment rate, ages 15-24"`,
};
