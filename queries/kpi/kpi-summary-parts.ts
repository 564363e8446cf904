import { FOLLOWUP_COUNTS, followupBounds } from '../../warehouse/observable-sql.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { defineQuery, type ColumnDoc } from '../catalogue/query-definition.ts';
import { FACT_DATA_END_SQL, FACT_FILTERS, FACT_FOLLOWUP_END_SQL, KpiSql, PERIOD_COLUMNS, PERSON_OR_PLACE, histogramQuantile, histogramQuantiles, kpiParams, quantile, ratio, without, type KpiFilters } from './kpi-filters.ts';
import { pairCountsByMonth } from './pair-counts-route.ts';
import { summaryAttendedInMemory, summaryPlacementsFromCubes, summaryRegistrationsInMemory, summaryVacanciesInMemory } from './period-cube-answers.ts';
import { summaryPlacementsInMemory } from './summary-placements-in-memory.ts';

/**
 * The four parts `kpi-summary` is put together from (see `QueryDefinition.parts`), split by the
 * filters each depends on, so that a filter change recomputes only the part it touches: the
 * registrations (seeker filters only), the attendance (seeker filters and channel), referrals and
 * placements (every filter), and vacancies (vacancy filters only). The definitions are those of
 * `kpi-summary`. Not in the catalogue: the API serves them only as parts of it.
 */

const part = (name: string, es: string, en: string, columns: readonly ColumnDoc[], inert: readonly string[], build: (k: KpiSql) => string,
  compute?: (w: Warehouse, f: KpiFilters) => Promise<Columns | null>) => defineQuery({
  name, audience: 'policy', title: { es, en }, ...(compute ? { compute } : {}),
  description: { es: `Parte de kpi-summary: ${es.toLowerCase()}.`, en: `Part of kpi-summary: ${en.toLowerCase()}.` },
  sources: ['seeker_fact', 'event_fact', 'referral_fact', 'placement_fact', 'vacancy_fact', 'fact_bounds', 'attendance_reach', 'channel_reach', 'registration_reach', 'first_service_days', 'active_by_month', 'placement_month', 'placement_reach', 'placement_days', 'fill_days', 'vacancy_month', 'referral_month', 'pair_counts'],
  params: kpiParams({}), columns, inert,
  build: (f) => {
    const k = new KpiSql(f, 12);
    return k.bound(build(k));
  },
});
const col = (name: string, kind: 'integer' | 'number', es: string, en: string): ColumnDoc => ({ name, kind, label: { es, en } });

/** Registrations, persons registered, active seekers, median days to first service: seeker filters only. */
export const kpiSummaryRegistrations = part('kpi-summary-registrations', 'Registros y personas activas', 'Registrations and active seekers', [
  col('registrations', 'integer', 'Registros', 'Registrations'),
  col('persons_registered', 'integer', 'Personas registradas', 'Persons registered'),
  col('active_seekers', 'integer', 'Personas buscadoras activas', 'Active seekers'),
  col('median_days_to_first_service', 'number', 'Mediana de días hasta la primera atención', 'Median days to first service'),
], ['sector', 'occupation', 'channel'], (k) => {
  const f = k.filters;
  if (without(f, PERSON_OR_PLACE)) return registrationsFromCube(k);
  const seekerWhere = k.where('seeker_fact', 's');
  return `WITH
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
        SELECT count(*) AS active_seekers FROM window_reg w ANTI JOIN window_placed x ON x.px = w.px)
      SELECT registrations::INTEGER AS registrations, persons_registered::INTEGER AS persons_registered,
        active_seekers::INTEGER AS active_seekers, median_days_to_first_service
      FROM reg_agg, active_agg`;
}, summaryRegistrationsInMemory);

/**
 * The registration figures from the registration cube (warehouse/registration-cube.ts), for any
 * period without a person or place filter: the same values as from the records (the median from
 * the histogram of days, see `histogramQuantile`).
 */
function registrationsFromCube(k: KpiSql): string {
  return `WITH
      reg_agg AS (SELECT count(*) AS registrations FROM seeker_fact s WHERE ${k.inPeriod('s.reg_month')}),
      persons AS (
        SELECT coalesce(sum(c.persons), 0) AS persons_registered FROM registration_reach c
        WHERE ${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo})),
      hist AS (SELECT h.days, sum(h.n) AS n FROM first_service_days h WHERE ${k.inPeriod('h.month')} GROUP BY h.days),
      active AS (
        SELECT coalesce((SELECT a.active FROM active_by_month a WHERE a.month <= ${k.hi} ORDER BY a.month DESC LIMIT 1), 0) AS active_seekers)
      SELECT registrations::INTEGER AS registrations, persons_registered::INTEGER AS persons_registered,
        active_seekers::INTEGER AS active_seekers, ${histogramQuantile('hist', 0.5)} AS median_days_to_first_service
      FROM reg_agg, persons, active`;
}

/**
 * Persons attended: seeker filters and channel. Without a person or place filter, counted from the
 * attendance cube (or, for a channel of one kind, the channel cube) for any period, exactly: the
 * (person, month) pairs of the period whose previous month is none or before it.
 */
export const kpiSummaryAttended = part('kpi-summary-attended', 'Personas atendidas', 'Seekers attended', [
  col('seekers_attended', 'integer', 'Personas atendidas', 'Seekers attended'),
], ['sector', 'occupation'], (k) => {
  const f = k.filters;
  const first = `${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo})`;
  if (without(f, PERSON_OR_PLACE)) {
    if (f.channel === undefined) return `SELECT coalesce(sum(c.persons), 0)::INTEGER AS seekers_attended FROM attendance_reach c WHERE ${first}`;
    if (f.channel !== 'workshop') return `SELECT coalesce(sum(c.persons), 0)::INTEGER AS seekers_attended FROM channel_reach c WHERE ${first} AND ${k.where('event_fact', 'c')}`;
  }
  return `SELECT count(DISTINCT e.px)::INTEGER AS seekers_attended FROM event_fact e
        WHERE ${k.inPeriod('e.month')} AND ${k.where('event_fact', 'e')}`;
}, summaryAttendedInMemory);

/** Referrals, placements and their follow-ups, with the period: every filter. */
export const kpiSummaryPlacements = part('kpi-summary-placements', 'Derivaciones y colocaciones', 'Referrals and placements', [
  ...PERIOD_COLUMNS,
  col('referrals', 'integer', 'Derivaciones', 'Referrals'),
  col('placements', 'integer', 'Colocaciones', 'Placements'),
  col('persons_placed', 'integer', 'Personas colocadas', 'Persons placed'),
  col('median_days_to_placement', 'number', 'Mediana de días del registro a la colocación', 'Median days from registration to placement'),
  col('p75_days_to_placement', 'number', 'P75 de días del registro a la colocación', 'P75 days from registration to placement'),
  col('followed_up_3m', 'integer', 'Colocaciones con seguimiento a 3 meses', 'Placements followed up at 3 months'),
  col('retention_3m', 'number', 'Permanencia a 3 meses', 'Retention at 3 months'),
  col('followed_up_6m', 'integer', 'Colocaciones con seguimiento a 6 meses', 'Placements followed up at 6 months'),
  col('retention_6m', 'number', 'Permanencia a 6 meses', 'Retention at 6 months'),
  col('followup_completion', 'number', 'Cumplimiento del seguimiento', 'Follow-up completion rate'),
], [], (k) => (without(k.filters, FACT_FILTERS.placement_fact) ? placementsFromCube(k) : placementsFromRecords(k)),
// In memory: from the flow cube without a placement filter, else from the placement records.
(w, f) => (without(f, FACT_FILTERS.placement_fact) ? summaryPlacementsFromCubes(w, f) : summaryPlacementsInMemory(w, f, referralCount)));

/** Vacancies, positions and their fill: vacancy filters only (a person's sex or age, or a channel, does not change them). */
export const kpiSummaryVacancies = part('kpi-summary-vacancies', 'Vacantes y su cobertura', 'Vacancies and their fill', [
  col('vacancies', 'integer', 'Vacantes publicadas', 'Vacancies posted'),
  col('positions', 'integer', 'Puestos', 'Positions'),
  col('filled_positions', 'integer', 'Puestos cubiertos', 'Positions filled'),
  col('fill_rate', 'number', 'Tasa de cobertura', 'Fill rate'),
  col('median_days_to_fill', 'number', 'Mediana de días hasta cubrir', 'Median days to fill'),
  col('p75_days_to_fill', 'number', 'P75 de días hasta cubrir', 'P75 days to fill'),
  col('share_open_30d', 'number', 'Proporción abierta a los 30 días', 'Share still open after 30 days'),
], ['sex', 'age', 'channel'], (k) => (without(k.filters, FACT_FILTERS.vacancy_fact) ? vacanciesFromCube(k) : vacanciesFromRecords(k)), summaryVacanciesInMemory);

/** The placements part's answer from the CTEs `referral_agg` and `plc_agg`, whichever route computed them. */
function placementsSelect(k: KpiSql): string {
  return `SELECT strftime(${k.lo}, '%Y-%m') AS period_from, strftime(${k.hi}, '%Y-%m') AS period_to,
        referrals::INTEGER AS referrals, placements::INTEGER AS placements, persons_placed::INTEGER AS persons_placed,
        median_days_to_placement, p75_days_to_placement,
        followed_up_3m::INTEGER AS followed_up_3m, ${ratio('retained_3m', 'followed_up_3m')} AS retention_3m,
        followed_up_6m::INTEGER AS followed_up_6m, ${ratio('retained_6m', 'followed_up_6m')} AS retention_6m,
        ${ratio('done', 'due')} AS followup_completion
      FROM referral_agg, plc_agg`;
}

/** The vacancies part's answer from the CTE `vac_agg`, whichever route computed it. */
const VACANCIES_SELECT = `SELECT vacancies::INTEGER AS vacancies, positions::INTEGER AS positions, filled_positions::INTEGER AS filled_positions,
        ${ratio('filled_positions', 'positions')} AS fill_rate, median_days_to_fill, p75_days_to_fill,
        ${ratio('open_30', 'observable_30')} AS share_open_30d
      FROM vac_agg`;

/** The referrals of the period under the filters: from the pair cube when at most two apply, else counted. */
function referralCount(k: KpiSql): string {
  const byMonth = pairCountsByMonth(k, 'referral');
  return byMonth
    ? `SELECT coalesce(sum(n), 0) AS referrals FROM (${byMonth})`
    : `SELECT count(*) AS referrals FROM referral_fact r WHERE ${k.inPeriod('r.ref_month')} AND ${k.where('referral_fact', 'r')}`;
}

/** Referrals and placements computed from the records (the referrals from the pair cube when it can), under any filters. */
export function placementsFromRecords(k: KpiSql): string {
  return `WITH
      referral_agg AS (${referralCount(k)}),
      plc_agg AS (
        SELECT count(*) AS placements, count(DISTINCT p.px) AS persons_placed,
          ${quantile('p.days', 0.5)} AS median_days_to_placement, ${quantile('p.days', 0.75)} AS p75_days_to_placement,
          ${FOLLOWUP_COUNTS}
        FROM placement_fact p CROSS JOIN ${followupBounds(FACT_FOLLOWUP_END_SQL)} e
        WHERE ${k.inPeriod('p.month')} AND ${k.where('placement_fact', 'p')})
      ${placementsSelect(k)}`;
}

/** Vacancies computed from the records, under any vacancy filters. */
export function vacanciesFromRecords(k: KpiSql): string {
  return `WITH vac_agg AS (
        SELECT count(*) AS vacancies, coalesce(sum(v.positions), 0) AS positions,
          coalesce(sum(least(v.placements, v.positions)), 0) AS filled_positions,
          ${quantile("date_diff('day', v.posted_on, v.first_placed_on)", 0.5)} AS median_days_to_fill,
          ${quantile("date_diff('day', v.posted_on, v.first_placed_on)", 0.75)} AS p75_days_to_fill,
          count(*) FILTER (WHERE v.posted_on + 30 <= e.d) AS observable_30,
          count(*) FILTER (WHERE v.posted_on + 30 <= e.d AND (v.closed_on IS NULL OR v.closed_on > v.posted_on + 30)) AS open_30
        FROM vacancy_fact v CROSS JOIN (SELECT ${FACT_DATA_END_SQL} AS d) e
        WHERE ${k.inPeriod('v.posted_month')} AND ${k.where('vacancy_fact', 'v')})
      ${VACANCIES_SELECT}`;
}

/**
 * Referrals and placements from the flow cube (warehouse/flow-cube.ts), for any period without a
 * filter: the same values as from the records, from a few hundred rows.
 */
export function placementsFromCube(k: KpiSql): string {
  return `WITH
      referral_agg AS (SELECT coalesce(sum(r.referrals), 0) AS referrals FROM referral_month r WHERE ${k.inPeriod('r.month')}),
      pd AS (SELECT h.days, sum(h.n) AS n FROM placement_days h WHERE ${k.inPeriod('h.month')} GROUP BY h.days),
      pq AS (${histogramQuantiles('pd', { q50: 0.5, q75: 0.75 })}),
      plc_agg AS (
        SELECT coalesce(sum(m.placements), 0) AS placements,
          (SELECT coalesce(sum(c.persons), 0) FROM placement_reach c WHERE ${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo})) AS persons_placed,
          (SELECT q50 FROM pq) AS median_days_to_placement, (SELECT q75 FROM pq) AS p75_days_to_placement,
          coalesce(sum(m.followed_up_3m), 0) AS followed_up_3m, coalesce(sum(m.retained_3m), 0) AS retained_3m,
          coalesce(sum(m.followed_up_6m), 0) AS followed_up_6m, coalesce(sum(m.retained_6m), 0) AS retained_6m,
          coalesce(sum(m.done), 0) AS done, coalesce(sum(m.due), 0) AS due
        FROM placement_month m WHERE ${k.inPeriod('m.month')})
      ${placementsSelect(k)}`;
}

/** Vacancies from the flow cube, for any period without a vacancy filter: the same values as from the records. */
export function vacanciesFromCube(k: KpiSql): string {
  return `WITH
      fd AS (SELECT h.days, sum(h.n) AS n FROM fill_days h WHERE ${k.inPeriod('h.month')} GROUP BY h.days),
      fq AS (${histogramQuantiles('fd', { q50: 0.5, q75: 0.75 })}),
      vac_agg AS (
        SELECT coalesce(sum(v.vacancies), 0) AS vacancies, coalesce(sum(v.positions), 0) AS positions, coalesce(sum(v.filled), 0) AS filled_positions,
          (SELECT q50 FROM fq) AS median_days_to_fill, (SELECT q75 FROM fq) AS p75_days_to_fill,
          coalesce(sum(v.observable_30), 0) AS observable_30, coalesce(sum(v.open_30), 0) AS open_30
        FROM vacancy_month v WHERE ${k.inPeriod('v.month')})
      ${VACANCIES_SELECT}`;
}

/** The parts, in the order `combine` reads them. */
export const KPI_SUMMARY_PARTS = [kpiSummaryRegistrations, kpiSummaryAttended, kpiSummaryPlacements, kpiSummaryVacancies] as const;
