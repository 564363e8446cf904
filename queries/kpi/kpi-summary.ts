import { defineQuery, type ColumnDoc } from '../catalogue/query-definition.ts';
import { PERIOD_COLUMNS, kpiParams, ratio, kpiWarm } from './kpi-filters.ts';
import { KPI_SUMMARY_PARTS } from './kpi-summary-parts.ts';

/** The columns of `kpi-summary`, in order. */
const kpiSummaryColumns: readonly ColumnDoc[] = [
  ...PERIOD_COLUMNS,
  { name: 'registrations', kind: 'integer', label: { es: 'Registros', en: 'Registrations' } },
  { name: 'persons_registered', kind: 'integer', label: { es: 'Personas registradas', en: 'Persons registered' } },
  { name: 'active_seekers', kind: 'integer', label: { es: 'Personas buscadoras activas', en: 'Active seekers' } },
  { name: 'seekers_attended', kind: 'integer', label: { es: 'Personas atendidas', en: 'Seekers attended' } },
  { name: 'median_days_to_first_service', kind: 'number', label: { es: 'Mediana de días hasta la primera atención', en: 'Median days to first service' } },
  { name: 'referrals', kind: 'integer', label: { es: 'Derivaciones', en: 'Referrals' } },
  { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
  { name: 'persons_placed', kind: 'integer', label: { es: 'Personas colocadas', en: 'Persons placed' } },
  { name: 'placement_rate', kind: 'number', label: { es: 'Tasa de colocación (colocaciones / atendidas)', en: 'Placement rate (placements / attended)' } },
  { name: 'persons_placed_per_registered', kind: 'number', label: { es: 'Personas colocadas / personas registradas', en: 'Persons placed / persons registered' } },
  { name: 'median_days_to_placement', kind: 'number', label: { es: 'Mediana de días del registro a la colocación', en: 'Median days from registration to placement' } },
  { name: 'p75_days_to_placement', kind: 'number', label: { es: 'P75 de días del registro a la colocación', en: 'P75 days from registration to placement' } },
  { name: 'vacancies', kind: 'integer', label: { es: 'Vacantes publicadas', en: 'Vacancies posted' } },
  { name: 'positions', kind: 'integer', label: { es: 'Puestos', en: 'Positions' } },
  { name: 'filled_positions', kind: 'integer', label: { es: 'Puestos cubiertos', en: 'Positions filled' } },
  { name: 'fill_rate', kind: 'number', label: { es: 'Tasa de cobertura', en: 'Fill rate' } },
  { name: 'median_days_to_fill', kind: 'number', label: { es: 'Mediana de días hasta cubrir', en: 'Median days to fill' } },
  { name: 'p75_days_to_fill', kind: 'number', label: { es: 'P75 de días hasta cubrir', en: 'P75 days to fill' } },
  { name: 'share_open_30d', kind: 'number', label: { es: 'Proporción abierta a los 30 días', en: 'Share still open after 30 days' } },
  { name: 'followed_up_3m', kind: 'integer', label: { es: 'Colocaciones con seguimiento a 3 meses', en: 'Placements followed up at 3 months' } },
  { name: 'retention_3m', kind: 'number', label: { es: 'Permanencia a 3 meses', en: 'Retention at 3 months' } },
  { name: 'followed_up_6m', kind: 'integer', label: { es: 'Colocaciones con seguimiento a 6 meses', en: 'Placements followed up at 6 months' } },
  { name: 'retention_6m', kind: 'number', label: { es: 'Permanencia a 6 meses', en: 'Retention at 6 months' } },
  { name: 'followup_completion', kind: 'number', label: { es: 'Cumplimiento del seguimiento', en: 'Follow-up completion rate' } },
];

/**
 * Headline placement KPIs of the policy dashboard: one row for the filters and period
 * (default: the 12 months up to the latest month with placements).
 *
 * Definitions (medians and 75th percentiles are `quantile_cont`: linear interpolation between
 * closest ranks; every ratio is NULL when its denominator is 0):
 * - registrations: seeker records registered in the period; persons_registered: distinct persons among them.
 * - active_seekers: distinct persons with a registration (under the seeker filters) in the 12
 *   months up to the period's last month, and no placement (under any of their records) dated from
 *   their first such registration to the period's last day.
 * - seekers_attended: distinct persons with a service event in the period.
 * - median_days_to_first_service: over the period's registrations with a later service event
 *   recorded on the same record, days from registration to the first one (any kind, any office).
 * - referrals, placements: records dated in the period; persons_placed: distinct persons placed.
 * - placement_rate = placements / seekers_attended; persons_placed_per_registered = persons_placed / persons_registered.
 * - median / p75 days to placement: placed_on − registered_on of the record placed.
 * - vacancies, positions: posted in the period. filled_positions: per vacancy, placements on it (any
 *   date) capped at its positions. fill_rate = filled_positions / positions.
 * - median / p75 days to fill: posting to the vacancy's first placement, among vacancies with one.
 * - share_open_30d: among vacancies whose 30th day is on or before the data's end (last day of the
 *   latest month with placements), the share not closed by their 30th day.
 * - retention_3m / _6m: among the period's placements old enough (placed_on + 3 or 6 calendar months on
 *   or before the latest follow-up date) and followed up at that month, the share still employed;
 *   followed_up_3m / _6m are those denominators.
 * - followup_completion: follow-ups done / follow-ups due, over the 1-, 3- and 6-month checks of the
 *   period's placements that are old enough.
 */
export const kpiSummary = defineQuery({
  name: 'kpi-summary',
  audience: 'policy',
  title: { es: 'Indicadores clave de colocación', en: 'Placement key indicators' },
  description: {
    es: 'Una fila de indicadores del servicio de empleo para el periodo y los filtros: registros, personas activas y atendidas, derivaciones, colocaciones y su tasa, tiempos hasta la colocación, vacantes y su cobertura, permanencia a 3 y 6 meses y cumplimiento del seguimiento. Los filtros que no aplican a una tabla se ignoran para ella.',
    en: 'One row of employment-service indicators for the period and filters: registrations, active and attended seekers, referrals, placements and their rate, time to placement, vacancies and how they are filled, retention at 3 and 6 months and follow-up completion. Filters that do not apply to a table are ignored for it.',
  },
  formula: {
    es: 'tasa de colocación = colocaciones / personas atendidas; cobertura = puestos cubiertos (máx. puestos por vacante) / puestos; permanencia k = colocaciones observables con seguimiento a k meses y aún empleadas / colocaciones observables con seguimiento a k meses (observable: fecha + k meses ≤ último seguimiento); medianas y P75 por interpolación lineal (quantile_cont); persona activa = registrada en los 12 meses hasta el fin del periodo y sin colocación desde entonces hasta ese fin',
    en: 'placement rate = placements / seekers attended; fill rate = filled positions (capped at each vacancy\'s positions) / positions; retention k = observable placements followed up at k months and still employed / observable placements followed up at k months (observable: date + k months ≤ latest follow-up); medians and P75 by linear interpolation (quantile_cont); active seeker = registered in the 12 months up to the period end and not placed since, up to that end',
  },
  sources: ['seeker_fact', 'event_fact', 'referral_fact', 'placement_fact', 'vacancy_fact', 'fact_bounds', 'attendance_reach', 'channel_reach', 'placement_monthly'],
  params: kpiParams({}),
  columns: kpiSummaryColumns,
  example: { from: '2025-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  build: (f, viewer) => {
    const parts = KPI_SUMMARY_PARTS.map((q) => q.build(f, viewer));
    const alias = (name: string) => `p${KPI_SUMMARY_PARTS.findIndex((q) => q.columns.some((c) => c.name === name))}`;
    const derived: Record<string, string> = {
      placement_rate: ratio(`${alias('placements')}.placements`, `${alias('seekers_attended')}.seekers_attended`),
      persons_placed_per_registered: ratio(`${alias('persons_placed')}.persons_placed`, `${alias('persons_registered')}.persons_registered`),
    };
    return {
      sql: `WITH ${parts.map((part, i) => `p${i} AS (${part.sql})`).join(', ')}
      SELECT ${kpiSummaryColumns.map(({ name }) => (derived[name] ? `${derived[name]} AS ${name}` : `${alias(name)}.${name}`)).join(', ')}
      FROM ${parts.map((_, i) => `p${i}`).join(', ')}`,
      params: Object.assign({}, ...parts.map((part) => part.params)),
    };
  },
  parts: {
    of: KPI_SUMMARY_PARTS,
    combine: (answers) => {
      const get = (name: string) => {
        const c = answers.find((a) => a.names.includes(name))!;
        return c.values[c.names.indexOf(name)]![0] as number | null;
      };
      const div = (num: number | null, den: number | null) => (num === null || !den ? null : num / den);
      const extra: Record<string, { type: string; value: unknown }> = {
        placement_rate: { type: 'DOUBLE', value: div(get('placements'), get('seekers_attended')) },
        persons_placed_per_registered: { type: 'DOUBLE', value: div(get('persons_placed'), get('persons_registered')) },
      };
      const names = kpiSummaryColumns.map((c) => c.name);
      const from = (name: string) => answers.find((c) => c.names.includes(name));
      return {
        names,
        types: names.map((n) => extra[n]?.type ?? from(n)!.types[from(n)!.names.indexOf(n)]!),
        values: names.map((n) => (n in extra ? [extra[n]!.value] : [from(n)!.values[from(n)!.names.indexOf(n)]![0]])),
        rowCount: 1,
      };
    },
  },
});
