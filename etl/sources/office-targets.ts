import type { SourceContract } from '../contract/source-contract.ts';
import { column, office } from './columns.ts';

/** Indicators an office target may be set for, as a PES writes them. */
export const TARGET_INDICATORS = { COLOCACIONES: 'placements' } as const;

/**
 * The targets the PES sets its offices (metas por oficina): `metas_oficinas.csv`, one row per
 * office, month and indicator. A corrected file replaces the rows of the same office, month and
 * indicator. The policy dashboard's office league table compares them with what was achieved.
 */
export const officeTargets: SourceContract = {
  id: 'office-targets',
  fileNames: ['metas_oficinas', 'metas'],
  title: { es: 'Metas de las oficinas', en: 'Office targets' },
  table: 'office_target',
  naturalKey: ['office_code', 'period_month', 'indicator'],
  columns: [
    office(),
    column('mes', { type: 'text', maxLength: 7, pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$', patternDoc: 'un mes AAAA-MM' }, { es: 'Mes de la meta (AAAA-MM)', en: 'Month of the target (YYYY-MM)' }),
    column('indicador', { type: 'code', values: TARGET_INDICATORS }, { es: 'Indicador: colocaciones', en: 'Indicator: placements (colocaciones)' }),
    column('meta', { type: 'decimal', min: 0, max: 10_000_000 }, { es: 'Meta del mes (número de colocaciones)', en: "The month's target (number of placements)" }),
  ],
  checks: [],
  insert: `s.codigo_oficina, (s.mes || '-01')::DATE, s.indicador, s.meta`,
};
