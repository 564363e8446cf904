import type { Columns } from '../../warehouse/warehouse.ts';
import { followedUpAt, followupBounds, retainedAt } from '../../warehouse/observable-sql.ts';
import { defineQuery, type ColumnDoc } from '../catalogue/query-definition.ts';
import { officePlacementsInMemory } from './office-placements-in-memory.ts';
import { officesAttendedInMemory } from './period-cube-answers.ts';
import { FACT_FOLLOWUP_END_SQL, KpiSql, kpiParams, quantile, without } from './kpi-filters.ts';

/**
 * The two parts `kpi-offices` is put together from (see `QueryDefinition.parts`): the offices
 * with the persons attended there and their targets, which sector and occupation do not change,
 * and the placements of each office under every filter. Not in the catalogue.
 */

const col = (name: string, kind: 'string' | 'integer' | 'number', es: string, en: string): ColumnDoc => ({ name, kind, label: { es, en } });
const common = {
  audience: 'policy' as const,
  params: kpiParams({}),
  sources: ['office', 'event_fact', 'office_attendance_reach', 'placement_fact', 'office_target', 'fact_bounds'],
};

/**
 * Persons attended per office under the filters: from the office attendance cube, for any period,
 * when no sex, age or channel is given (a province or office filter only picks offices); else
 * counted from the events.
 */
function officeAttendance(k: KpiSql): string {
  const f = k.filters;
  if (without(f, ['sex', 'age', 'channel'])) {
    return `SELECT c.office_code, sum(c.persons) AS attended FROM office_attendance_reach c
        WHERE ${k.inPeriod('c.month')} AND (c.prev IS NULL OR c.prev < ${k.lo}) GROUP BY c.office_code`;
  }
  return `SELECT ev.office_code, count(DISTINCT ev.px) AS attended FROM event_fact ev
        WHERE ${k.inPeriod('ev.month')} AND ${k.where('event_fact', 'ev')} GROUP BY ev.office_code`;
}

/** The offices listed (province and office filters), persons attended in each, and each one's placements target. */
export const kpiOfficesAttended = defineQuery({
  ...common,
  name: 'kpi-offices-attended',
  title: { es: 'Oficinas: personas atendidas y metas', en: 'Offices: seekers attended and targets' },
  description: { es: 'Parte de kpi-offices: cada oficina listada, sus personas atendidas y su meta de colocaciones.', en: 'Part of kpi-offices: each office listed, its seekers attended and its placements target.' },
  columns: [
    col('office_code', 'string', 'Oficina', 'Office'), col('office_name', 'string', 'Nombre de la oficina', 'Office name'),
    col('province_code', 'string', 'Provincia', 'Province'), col('seekers_attended', 'integer', 'Personas atendidas', 'Seekers attended'),
    col('target_placements', 'number', 'Meta de colocaciones', 'Placements target'),
  ],
  inert: ['sector', 'occupation'],
  compute: (w, f) => officesAttendedInMemory(w, f),
  build: (f) => {
    const k = new KpiSql(f, 12);
    return k.bound(`WITH
      o AS (SELECT a.office_code, a.name, a.province_code FROM office a WHERE ${k.where('office', 'a')}),
      att AS (${officeAttendance(k)}),
      tgt AS (
        SELECT t.office_code, sum(t.target) AS target FROM office_target t
        WHERE t.indicator = 'placements' AND ${k.inPeriod('t.period_month')} GROUP BY t.office_code)
      SELECT o.office_code, o.name AS office_name, o.province_code, coalesce(att.attended, 0)::INTEGER AS seekers_attended, tgt.target AS target_placements
      FROM o LEFT JOIN att USING (office_code) LEFT JOIN tgt USING (office_code)
      ORDER BY o.office_code`);
  },
});

/**
 * Per office with placements: placements, median days to placement, placements followed up and
 * retained at 3 months: worked out from the placement records held in memory, for any period
 * and filters (see office-placements-in-memory.ts); the SQL answers the same.
 */
export const kpiOfficesPlacements = defineQuery({
  ...common,
  name: 'kpi-offices-placements',
  title: { es: 'Oficinas: colocaciones', en: 'Offices: placements' },
  description: { es: 'Parte de kpi-offices: colocaciones de cada oficina, mediana de días y permanencia a 3 meses.', en: 'Part of kpi-offices: each office\'s placements, median days and 3-month retention.' },
  columns: [
    col('office_code', 'string', 'Oficina', 'Office'), col('placements', 'integer', 'Colocaciones', 'Placements'),
    col('median_days', 'number', 'Mediana de días', 'Median days'), col('followed3', 'integer', 'Con seguimiento a 3 meses', 'Followed up at 3 months'),
    col('retained3', 'integer', 'Empleadas a 3 meses', 'Retained at 3 months'),
  ],
  compute: (w, f) => officePlacementsInMemory(w, f),
  build: (f) => {
    const k = new KpiSql(f, 12);
    return k.bound(`SELECT p.office_code, count(*)::INTEGER AS placements, ${quantile('p.days', 0.5)} AS median_days,
        ${followedUpAt(3)}::INTEGER AS followed3, ${retainedAt(3)}::INTEGER AS retained3
      FROM placement_fact p CROSS JOIN ${followupBounds(FACT_FOLLOWUP_END_SQL)} e
      WHERE ${k.inPeriod('p.month')} AND ${k.where('placement_fact', 'p')}
      GROUP BY p.office_code`);
  },
});

/** The parts, in the order `combine` reads them. */
export const KPI_OFFICES_PARTS = [kpiOfficesAttended, kpiOfficesPlacements] as const;

/** The rows of an answer as objects. */
export function rowsOf(c: Columns): Record<string, unknown>[] {
  return Array.from({ length: c.rowCount }, (_, r) => Object.fromEntries(c.names.map((n, i) => [n, c.values[i]![r]])));
}
