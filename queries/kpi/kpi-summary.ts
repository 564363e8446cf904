import { defineQuery } from '../catalogue/query-definition.ts';
import { FACT_DATA_END_SQL, FACT_FOLLOWUP_END_SQL, KpiSql, PERIOD_COLUMNS, kpiParams, quantile, ratio, kpiWarm } from './kpi-filters.ts';

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
  sources: ['seeker_fact', 'event_fact', 'referral_fact', 'placement_fact', 'vacancy_fact', 'fact_bounds', 'placement_monthly'],
  params: kpiParams({}),
  columns: [
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
  ],
  example: { from: '2025-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  build: (f) => {
    const k = new KpiSql(f, 12);
    const seekerWhere = k.where('seeker_fact', 's');
    return k.bound(`WITH
      reg AS (
        SELECT s.px, s.registered_on, s.first_service_on FROM seeker_fact s
        WHERE ${k.inPeriod('s.reg_month')} AND ${seekerWhere}),
      reg_agg AS (
        SELECT count(*) AS registrations, count(DISTINCT px) AS persons_registered,
          ${quantile("date_diff('day', registered_on, first_service_on)", 0.5)} AS median_days_to_first_service
        FROM reg),
      window_reg AS (
        SELECT s.px, min(s.registered_on) AS first_reg FROM seeker_fact s
        WHERE s.reg_month BETWEEN (${k.hi} - INTERVAL 11 MONTH)::DATE AND ${k.hi} AND ${seekerWhere}
        GROUP BY s.px),
      window_placed AS (
        SELECT DISTINCT w.px
        FROM window_reg w JOIN placement_fact p ON p.px = w.px
        WHERE p.month BETWEEN (${k.hi} - INTERVAL 11 MONTH)::DATE AND ${k.hi} AND p.placed_on >= w.first_reg),
      active_agg AS (
        SELECT count(*) AS active_seekers FROM window_reg w ANTI JOIN window_placed x ON x.px = w.px),
      attended_agg AS (
        SELECT count(DISTINCT e.px) AS seekers_attended FROM event_fact e
        WHERE ${k.inPeriod('e.month')} AND ${k.where('event_fact', 'e')}),
      referral_agg AS (
        SELECT count(*) AS referrals FROM referral_fact r WHERE ${k.inPeriod('r.ref_month')} AND ${k.where('referral_fact', 'r')}),
      plc_agg AS (
        SELECT count(*) AS placements, count(DISTINCT p.px) AS persons_placed,
          ${quantile('p.days', 0.5)} AS median_days_to_placement, ${quantile('p.days', 0.75)} AS p75_days_to_placement,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d AND p.has3) AS followed_up_3m,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d AND p.emp3) AS retained_3m,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 6 MONTH <= e.d AND p.has6) AS followed_up_6m,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 6 MONTH <= e.d AND p.emp6) AS retained_6m,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 1 MONTH <= e.d AND p.has1) + count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d AND p.has3)
            + count(*) FILTER (WHERE p.placed_on + INTERVAL 6 MONTH <= e.d AND p.has6) AS done,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 1 MONTH <= e.d) + count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d)
            + count(*) FILTER (WHERE p.placed_on + INTERVAL 6 MONTH <= e.d) AS due
        FROM placement_fact p CROSS JOIN (SELECT ${FACT_FOLLOWUP_END_SQL} AS d) e
        WHERE ${k.inPeriod('p.month')} AND ${k.where('placement_fact', 'p')}),
      vac_agg AS (
        SELECT count(*) AS vacancies, coalesce(sum(v.positions), 0) AS positions,
          coalesce(sum(least(v.placements, v.positions)), 0) AS filled_positions,
          ${quantile("date_diff('day', v.posted_on, v.first_placed_on)", 0.5)} AS median_days_to_fill,
          ${quantile("date_diff('day', v.posted_on, v.first_placed_on)", 0.75)} AS p75_days_to_fill,
          count(*) FILTER (WHERE v.posted_on + 30 <= e.d) AS observable_30,
          count(*) FILTER (WHERE v.posted_on + 30 <= e.d AND (v.closed_on IS NULL OR v.closed_on > v.posted_on + 30)) AS open_30
        FROM vacancy_fact v CROSS JOIN (SELECT ${FACT_DATA_END_SQL} AS d) e
        WHERE ${k.inPeriod('v.posted_month')} AND ${k.where('vacancy_fact', 'v')})
      SELECT strftime(${k.lo}, '%Y-%m') AS period_from, strftime(${k.hi}, '%Y-%m') AS period_to,
        registrations::INTEGER AS registrations, persons_registered::INTEGER AS persons_registered,
        active_seekers::INTEGER AS active_seekers, seekers_attended::INTEGER AS seekers_attended,
        median_days_to_first_service, referrals::INTEGER AS referrals,
        placements::INTEGER AS placements, persons_placed::INTEGER AS persons_placed,
        ${ratio('placements', 'seekers_attended')} AS placement_rate,
        ${ratio('persons_placed', 'persons_registered')} AS persons_placed_per_registered,
        median_days_to_placement, p75_days_to_placement,
        vacancies::INTEGER AS vacancies, positions::INTEGER AS positions, filled_positions::INTEGER AS filled_positions,
        ${ratio('filled_positions', 'positions')} AS fill_rate, median_days_to_fill, p75_days_to_fill,
        ${ratio('open_30', 'observable_30')} AS share_open_30d,
        followed_up_3m::INTEGER AS followed_up_3m, ${ratio('retained_3m', 'followed_up_3m')} AS retention_3m,
        followed_up_6m::INTEGER AS followed_up_6m, ${ratio('retained_6m', 'followed_up_6m')} AS retention_6m,
        ${ratio('done', 'due')} AS followup_completion
      FROM reg_agg, active_agg, attended_agg, referral_agg, plc_agg, vac_agg`);
  },
});
