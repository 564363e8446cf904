import { defineQuery } from '../catalogue/query-definition.ts';
import { CHANNEL_CONVERSION_DAYS } from '../../warehouse/channel-cube.ts';
import { channelsInMemory } from './period-cube-answers.ts';
import { FACT_DATA_END_SQL, KpiSql, PERSON_OR_PLACE, kpiParams, ratio, kpiWarm, without, type BoundValues, type KpiFilters } from './kpi-filters.ts';

/** Days after attending within which a placement counts as a conversion. */
export const CONVERSION_DAYS = CHANNEL_CONVERSION_DAYS;

/**
 * Attendance and conversion per service channel (the kinds of service event: counselling,
 * interview, workshop_seekers, workshop_employers, job_fair, portal) in the period.
 *
 * Per kind: events; distinct persons (seekers) and firms served. Conversion: a person's first
 * attendance of the kind in the period starts a 90-day window; they converted when any of their
 * records was placed on a day from that attendance to 90 days after it. Only attendees whose window
 * ends on or before the data's end (last day of the latest month with placements) can be judged, so
 * conversion_90d = persons_placed_90d / persons_observable. Event filters apply (office, province of
 * the office, channel = kind, sex and age of the person); sector and occupation do not.
 */
export const kpiChannels = defineQuery({
  name: 'kpi-channels',
  audience: 'policy',
  title: { es: 'Atención y colocación por canal de servicio', en: 'Attendance and placement by service channel' },
  description: {
    es: 'Por tipo de servicio (consejería, entrevistas, talleres para buscadores y para empleadores, ferias de empleo, portal): servicios prestados, personas y empresas atendidas, y proporción de personas colocadas en los 90 días siguientes a su primera atención del periodo.',
    en: 'Per kind of service (counselling, interviews, workshops for seekers and for employers, job fairs, portal): services delivered, persons and firms served, and the share of persons placed within 90 days of their first attendance in the period.',
  },
  formula: {
    es: 'conversión a 90 días = personas colocadas entre su primera atención a y a + 90 días / personas atendidas con a + 90 días ≤ fin de los datos',
    en: 'conversion at 90 days = persons placed between their first attendance a and a + 90 days / persons attended with a + 90 days ≤ end of data',
  },
  sources: ['event_fact', 'placement_fact', 'fact_bounds', 'placement_monthly', 'channel_month', 'channel_reach'],
  params: kpiParams({}),
  columns: [
    { name: 'channel', kind: 'string', label: { es: 'Canal (tipo de servicio)', en: 'Channel (kind of service)' } },
    { name: 'events', kind: 'integer', label: { es: 'Servicios prestados', en: 'Services delivered' } },
    { name: 'persons', kind: 'integer', label: { es: 'Personas atendidas', en: 'Persons served' } },
    { name: 'firms', kind: 'integer', label: { es: 'Empresas atendidas', en: 'Firms served' } },
    { name: 'persons_observable', kind: 'integer', label: { es: 'Personas con 90 días observables', en: 'Persons with 90 days observable' } },
    { name: 'persons_placed_90d', kind: 'integer', label: { es: 'Colocadas en 90 días', en: 'Placed within 90 days' } },
    { name: 'conversion_90d', kind: 'number', label: { es: 'Conversión a 90 días', en: 'Conversion within 90 days' } },
  ],
  example: { from: '2025-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  // Sector and occupation do not apply: a sector filter is served the answer without it.
  inert: ['sector', 'occupation'],
  compute: (w, f) => channelsInMemory(w, f),
  build: (f) => (cubeAnswers(f) ? channelsFromCube(f) : channelsFromFacts(f)),
});

/** True when the channel cube answers these filters exactly: no province, office, sex or age (the rest are the period, the inert sector and occupation, and the channel). */
export function cubeAnswers(f: KpiFilters): boolean {
  return without(f, PERSON_OR_PLACE);
}

/** kpi-channels computed from the events and placements (any filters). */
export function channelsFromFacts(f: KpiFilters): { sql: string; params: BoundValues } {
  const k = new KpiSql(f, 12);
  return k.bound(`WITH
    ev AS (SELECT e.kind, e.event_on, e.px, e.firm_id FROM event_fact e WHERE ${k.inPeriod('e.month')} AND ${k.where('event_fact', 'e')}),
    att AS (SELECT ev.kind, ev.px, min(ev.event_on) AS first_on FROM ev WHERE ev.px IS NOT NULL GROUP BY ev.kind, ev.px),
    judged AS (SELECT att.*, att.first_on + ${CONVERSION_DAYS} <= e.d AS observable FROM att CROSS JOIN (SELECT ${FACT_DATA_END_SQL} AS d) e),
    converted AS (
      SELECT DISTINCT j.kind, j.px
      FROM judged j JOIN placement_fact p ON p.px = j.px
      WHERE j.observable AND p.month >= ${k.lo} AND p.placed_on BETWEEN j.first_on AND j.first_on + ${CONVERSION_DAYS}),
    people AS (
      SELECT j.kind, count(*) AS persons, count(*) FILTER (WHERE j.observable) AS persons_observable, count(c.px) AS persons_placed_90d
      FROM judged j LEFT JOIN converted c ON c.kind = j.kind AND c.px = j.px GROUP BY j.kind),
    events AS (SELECT ev.kind, count(*) AS events, count(DISTINCT ev.firm_id) AS firms FROM ev GROUP BY ev.kind)
    SELECT events.kind AS channel, events.events::INTEGER AS events, coalesce(people.persons, 0)::INTEGER AS persons, events.firms::INTEGER AS firms,
      coalesce(people.persons_observable, 0)::INTEGER AS persons_observable, coalesce(people.persons_placed_90d, 0)::INTEGER AS persons_placed_90d,
      ${ratio('people.persons_placed_90d', 'people.persons_observable')} AS conversion_90d
    FROM events LEFT JOIN people ON people.kind = events.kind
    ORDER BY events.kind`);
}

/**
 * kpi-channels read from the channel cube (warehouse/channel-cube.ts), for filters where
 * {@link cubeAnswers}: the events of the period's months, and the person and firm rows of those
 * months whose previous month of the kind is none or before the period (each person and firm
 * once, at their first month of the kind in the period). Same rows, values and types as
 * {@link channelsFromFacts}.
 */
export function channelsFromCube(f: KpiFilters): { sql: string; params: BoundValues } {
  const k = new KpiSql(f, 12);
  const kinds = k.where('event_fact', 'c');
  return k.bound(`WITH
    events AS (SELECT c.kind, sum(c.events) AS events FROM channel_month c WHERE ${k.inPeriod('c.month')} AND ${kinds} GROUP BY c.kind),
    people AS (
      SELECT c.kind, sum(c.persons) AS persons, sum(c.firms) AS firms, sum(c.observable) AS persons_observable, sum(c.converted) AS persons_placed_90d
      FROM channel_reach c WHERE ${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo}) AND ${kinds} GROUP BY c.kind)
    SELECT events.kind AS channel, events.events::INTEGER AS events, coalesce(people.persons, 0)::INTEGER AS persons, coalesce(people.firms, 0)::INTEGER AS firms,
      coalesce(people.persons_observable, 0)::INTEGER AS persons_observable, coalesce(people.persons_placed_90d, 0)::INTEGER AS persons_placed_90d,
      ${ratio('people.persons_placed_90d', 'people.persons_observable')} AS conversion_90d
    FROM events LEFT JOIN people ON people.kind = events.kind
    ORDER BY events.kind`);
}
