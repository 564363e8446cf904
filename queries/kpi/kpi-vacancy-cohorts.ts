import type { Columns } from '../../warehouse/warehouse.ts';
import { keepRows } from '../catalogue/keep-rows.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import { vacancyCohortsInMemory } from './period-cube-answers.ts';
import { KpiSql, histogramQuantiles, kpiParams, quantile, ratio, kpiWarm, without } from './kpi-filters.ts';

/**
 * The rows of a by-posting-month answer (a row only for months with vacancies) for the months
 * `from`..`to`: exact when both lie within its first and last rows' months (every month between
 * them was counted, with or without a row). Null otherwise, or when either bound is missing (the
 * default bounds depend on the data's latest month, which the rows do not tell).
 */
export function slicePostingMonths(answer: Columns, from: string | undefined, to: string | undefined): Columns | null {
  const months = answer.values[answer.names.indexOf('month')] as string[] | undefined;
  if (!from || !to || !months?.length || from < months[0]! || to > months[months.length - 1]!) return null;
  const keep = months.flatMap((m, r) => (m >= from && m <= to ? [r] : []));
  return keepRows(answer, keep);
}

/**
 * Vacancies by posting month (default: the 24 months up to the latest month with placements; at
 * most 120): vacancies, positions, how many were filled and how fast. A vacancy's filled positions
 * are its placements, of any later date, capped at its positions; time to fill is from posting to
 * its first placement, among vacancies with one (median by `quantile_cont`). Vacancy filters apply
 * (province, office, sector, occupation); sex, age and channel do not.
 */
export const kpiVacancyCohorts = defineQuery({
  name: 'kpi-vacancy-cohorts',
  audience: 'policy',
  title: { es: 'Vacantes por mes de publicación y su cobertura', en: 'Vacancies by posting month and how they were filled' },
  description: {
    es: 'Por mes de publicación: vacantes, puestos, puestos cubiertos (colocaciones de la vacante, hasta su número de puestos, con cualquier fecha posterior), tasa de cobertura y mediana de días hasta la primera colocación. Los meses recientes han tenido menos tiempo para cubrirse.',
    en: 'Per posting month: vacancies, positions, positions filled (the vacancy\'s placements of any later date, up to its positions), fill rate and median days to the first placement. Recent months have had less time to fill.',
  },
  formula: {
    es: 'cobertura(m) = Σ min(colocaciones(v), puestos(v)) / Σ puestos(v) sobre las vacantes v publicadas en m; días hasta cubrir = primera colocación − publicación',
    en: 'fill rate(m) = Σ min(placements(v), positions(v)) / Σ positions(v) over vacancies v posted in m; days to fill = first placement − posting',
  },
  sources: ['vacancy_fact', 'vacancy_month', 'fill_days', 'placement_monthly'],
  params: kpiParams({}, { maxMonths: 120 }),
  columns: [
    { name: 'month', kind: 'string', label: { es: 'Mes de publicación', en: 'Posting month' } },
    { name: 'vacancies', kind: 'integer', label: { es: 'Vacantes', en: 'Vacancies' } },
    { name: 'positions', kind: 'integer', label: { es: 'Puestos', en: 'Positions' } },
    { name: 'vacancies_filled', kind: 'integer', label: { es: 'Vacantes con alguna colocación', en: 'Vacancies with a placement' } },
    { name: 'filled_positions', kind: 'integer', label: { es: 'Puestos cubiertos', en: 'Positions filled' } },
    { name: 'fill_rate', kind: 'number', label: { es: 'Tasa de cobertura', en: 'Fill rate' } },
    { name: 'median_days_to_fill', kind: 'number', label: { es: 'Mediana de días hasta la primera colocación', en: 'Median days to first placement' } },
  ],
  example: { from: '2024-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  // Vacancies have no sex, age or channel.
  inert: ['sex', 'age', 'channel'],
  // A period inside the months of the cached answer without one is a slice of it.
  reuse: {
    base: ({ from: _from, to: _to, ...filters }) => filters,
    derive: (base, p) => slicePostingMonths(base, p.from, p.to),
  },
  compute: (w, f) => vacancyCohortsInMemory(w, f),
  build: (f) => {
    const k = new KpiSql(f, 24);
    return k.bound(without(f, ['province', 'office', 'sector', 'occupation']) ? cohortsFromCube(k) : cohortsFromRecords(k));
  },
});

/** The cohorts computed from the vacancies, under any filters. */
export function cohortsFromRecords(k: KpiSql): string {
  return `SELECT strftime(v.posted_month, '%Y-%m') AS month, count(*)::INTEGER AS vacancies, sum(v.positions)::INTEGER AS positions,
        count(*) FILTER (WHERE v.placements > 0)::INTEGER AS vacancies_filled, sum(least(v.placements, v.positions))::INTEGER AS filled_positions,
        ${ratio('sum(least(v.placements, v.positions))', 'sum(v.positions)')} AS fill_rate,
        ${quantile("date_diff('day', v.posted_on, v.first_placed_on)", 0.5)} AS median_days_to_fill
      FROM vacancy_fact v
      WHERE ${k.inPeriod('v.posted_month')} AND v.posted_month >= (${k.hi} - INTERVAL 119 MONTH)::DATE AND ${k.where('vacancy_fact', 'v')}
      GROUP BY v.posted_month ORDER BY v.posted_month`;
}

/**
 * The cohorts of any period without a vacancy filter, from the flow cube (warehouse/flow-cube.ts):
 * vacancies, positions and filled positions by posting month, and each month's histogram of days
 * to the first placement (its total is the vacancies filled; its median interpolated as
 * `quantile_cont`). The same rows, values and types as {@link cohortsFromRecords}.
 */
export function cohortsFromCube(k: KpiSql): string {
  const months = `${k.inPeriod('%.month')} AND %.month >= (${k.hi} - INTERVAL 119 MONTH)::DATE`;
  return `WITH
      med AS (${histogramQuantiles(`(SELECT d.month, d.days, d.n FROM fill_days d WHERE ${months.replaceAll('%', 'd')})`, { median: 0.5 }, 'month')})
      SELECT strftime(v.month, '%Y-%m') AS month, v.vacancies AS vacancies, v.positions AS positions,
        coalesce(med.total, 0)::INTEGER AS vacancies_filled, v.filled AS filled_positions, ${ratio('v.filled', 'v.positions')} AS fill_rate,
        med.median AS median_days_to_fill
      FROM vacancy_month v LEFT JOIN med USING (month)
      WHERE ${months.replaceAll('%', 'v')} ORDER BY v.month`;
}
