import { defineQuery } from '../catalogue/query-definition.ts';
import { FACT_FOLLOWUP_END_SQL, KpiSql, kpiParams, quantile, ratio, kpiWarm } from './kpi-filters.ts';

/** The score's components, each a z-score over the offices listed, and its weight (1/4 each). */
export const SCORE_COMPONENTS = ['placements', 'placement_rate', 'retention_3m', 'speed'] as const;

/**
 * The office league table of the period: per office, placements (credited to the office of the
 * vacancy), persons attended there, placement rate, 3-month retention, median days from
 * registration to placement, the placements target when `office_target` holds one, and a
 * composite score.
 *
 * Score = Σ component / 4 over four components, each the z-score of the office among the offices
 * listed ((x − mean) / population standard deviation): placements, placement rate, 3-month
 * retention, and speed (minus the z-score of the median days to placement: faster is better). A
 * component the office has no value for, or that does not vary between offices, counts 0 (the
 * average). The four weighted components are columns (score_placements, score_rate,
 * score_retention, score_speed) and add up to `score`. Rows are ranked by score.
 */
export const kpiOffices = defineQuery({
  name: 'kpi-offices',
  audience: 'policy',
  title: { es: 'Tabla de oficinas', en: 'Office league table' },
  description: {
    es: 'Cada oficina del servicio de empleo en el periodo: colocaciones (por la oficina de la vacante), personas atendidas, tasa de colocación, permanencia a 3 meses, días hasta la colocación, meta de colocaciones y su cumplimiento, y un puntaje compuesto con sus cuatro componentes.',
    en: 'Each office of the employment service in the period: placements (by the vacancy\'s office), persons attended, placement rate, 3-month retention, days to placement, placements target and attainment, and a composite score with its four components.',
  },
  formula: {
    es: 'puntaje = (z(colocaciones) + z(tasa de colocación) + z(permanencia 3m) − z(mediana de días a la colocación)) / 4, con z = (x − media) / desviación típica poblacional entre las oficinas listadas; sin valor o sin variación: 0',
    en: 'score = (z(placements) + z(placement rate) + z(retention 3m) − z(median days to placement)) / 4, with z = (x − mean) / population standard deviation over the offices listed; missing or constant: 0',
  },
  sources: ['office', 'placement_fact', 'event_fact', 'fact_bounds', 'office_target', 'placement_monthly'],
  params: kpiParams({}),
  columns: [
    { name: 'office_code', kind: 'string', label: { es: 'Oficina', en: 'Office' } },
    { name: 'office_name', kind: 'string', label: { es: 'Nombre de la oficina', en: 'Office name' } },
    { name: 'province_code', kind: 'string', label: { es: 'Provincia', en: 'Province' } },
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
    { name: 'seekers_attended', kind: 'integer', label: { es: 'Personas atendidas', en: 'Seekers attended' } },
    { name: 'placement_rate', kind: 'number', label: { es: 'Tasa de colocación', en: 'Placement rate' } },
    { name: 'followed_up_3m', kind: 'integer', label: { es: 'Colocaciones con seguimiento a 3 meses', en: 'Placements followed up at 3 months' } },
    { name: 'retention_3m', kind: 'number', label: { es: 'Permanencia a 3 meses', en: 'Retention at 3 months' } },
    { name: 'median_days_to_placement', kind: 'number', label: { es: 'Mediana de días del registro a la colocación', en: 'Median days from registration to placement' } },
    { name: 'target_placements', kind: 'number', label: { es: 'Meta de colocaciones', en: 'Placements target' } },
    { name: 'placements_vs_target', kind: 'number', label: { es: 'Cumplimiento de la meta', en: 'Placements / target' } },
    { name: 'score_placements', kind: 'number', label: { es: 'Puntaje: colocaciones', en: 'Score: placements' } },
    { name: 'score_rate', kind: 'number', label: { es: 'Puntaje: tasa de colocación', en: 'Score: placement rate' } },
    { name: 'score_retention', kind: 'number', label: { es: 'Puntaje: permanencia', en: 'Score: retention' } },
    { name: 'score_speed', kind: 'number', label: { es: 'Puntaje: rapidez', en: 'Score: speed' } },
    { name: 'score', kind: 'number', label: { es: 'Puntaje compuesto', en: 'Composite score' } },
  ],
  example: { from: '2025-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  build: (f) => {
    const k = new KpiSql(f, 12);
    const z = (col: string) => `coalesce((${col} - avg(${col}) OVER ()) / nullif(stddev_pop(${col}) OVER (), 0), 0)`;
    const n = SCORE_COMPONENTS.length;
    return k.bound(`WITH
      o AS (SELECT a.office_code, a.name, a.province_code FROM office a WHERE ${k.where('office', 'a')}),
      pagg AS (
        SELECT p.office_code, count(*) AS placements, ${quantile('p.days', 0.5)} AS median_days,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d AND p.has3) AS followed3,
          count(*) FILTER (WHERE p.placed_on + INTERVAL 3 MONTH <= e.d AND p.emp3) AS retained3
        FROM placement_fact p CROSS JOIN (SELECT ${FACT_FOLLOWUP_END_SQL} AS d) e
        WHERE ${k.inPeriod('p.month')} AND ${k.where('placement_fact', 'p')}
        GROUP BY p.office_code),
      att AS (
        SELECT ev.office_code, count(DISTINCT ev.px) AS attended FROM event_fact ev
        WHERE ${k.inPeriod('ev.month')} AND ${k.where('event_fact', 'ev')} GROUP BY ev.office_code),
      tgt AS (
        SELECT t.office_code, sum(t.target) AS target FROM office_target t
        WHERE t.indicator = 'placements' AND ${k.inPeriod('t.period_month')} GROUP BY t.office_code),
      base AS (
        SELECT o.office_code, o.name AS office_name, o.province_code, coalesce(pagg.placements, 0) AS placements,
          coalesce(att.attended, 0) AS seekers_attended, ${ratio('pagg.placements', 'att.attended')} AS placement_rate,
          coalesce(pagg.followed3, 0) AS followed_up_3m, ${ratio('pagg.retained3', 'pagg.followed3')} AS retention_3m,
          pagg.median_days AS median_days_to_placement, tgt.target AS target_placements,
          ${ratio('coalesce(pagg.placements, 0)', 'tgt.target')} AS placements_vs_target
        FROM o LEFT JOIN pagg USING (office_code) LEFT JOIN att USING (office_code) LEFT JOIN tgt USING (office_code)),
      scored AS (
        SELECT *, ${z('placements')} / ${n} AS score_placements, ${z('placement_rate')} / ${n} AS score_rate,
          ${z('retention_3m')} / ${n} AS score_retention, ${z('-median_days_to_placement')} / ${n} AS score_speed
        FROM base)
      SELECT office_code, office_name, province_code, placements::INTEGER AS placements, seekers_attended::INTEGER AS seekers_attended,
        placement_rate, followed_up_3m::INTEGER AS followed_up_3m, retention_3m, median_days_to_placement, target_placements, placements_vs_target,
        score_placements, score_rate, score_retention, score_speed,
        score_placements + score_rate + score_retention + score_speed AS score
      FROM scored ORDER BY score DESC, office_code`);
  },
});
