import { defineQuery } from '../catalogue/query-definition.ts';
import { KpiSql, kpiParams, quantile, ratio, kpiWarm } from './kpi-filters.ts';

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
  sources: ['vacancy', 'placement', 'placement_monthly'],
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
  build: (f) => {
    const k = new KpiSql(f, 24);
    return k.bound(`WITH
      vac AS (
        SELECT v.vacancy_id, v.posted_month, v.posted_on, v.positions FROM vacancy v
        WHERE ${k.inPeriod('v.posted_month')} AND v.posted_month >= (${k.hi} - INTERVAL 119 MONTH)::DATE AND ${k.where('vacancy', 'v')}),
      fill AS (
        SELECT p.vacancy_id, count(*) AS n, min(p.placed_on) AS first_on FROM placement p
        WHERE p.month >= ${k.lo} AND p.vacancy_id IN (SELECT vacancy_id FROM vac) GROUP BY p.vacancy_id)
      SELECT strftime(vac.posted_month, '%Y-%m') AS month, count(*)::INTEGER AS vacancies, sum(vac.positions)::INTEGER AS positions,
        count(fill.vacancy_id)::INTEGER AS vacancies_filled, sum(least(coalesce(fill.n, 0), vac.positions))::INTEGER AS filled_positions,
        ${ratio('sum(least(coalesce(fill.n, 0), vac.positions))', 'sum(vac.positions)')} AS fill_rate,
        ${quantile("date_diff('day', vac.posted_on, fill.first_on)", 0.5)} AS median_days_to_fill
      FROM vac LEFT JOIN fill USING (vacancy_id)
      GROUP BY vac.posted_month ORDER BY vac.posted_month`);
  },
});
