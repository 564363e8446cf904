import { defineQuery } from '../catalogue/query-definition.ts';
import type { Columns } from '../../warehouse/warehouse.ts';
import { kpiParams, ratio, kpiWarm } from './kpi-filters.ts';
import { KPI_OFFICES_PARTS, rowsOf } from './kpi-offices-parts.ts';

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
  sources: ['office', 'placement_fact', 'event_fact', 'office_attendance_reach', 'fact_bounds', 'office_target', 'placement_monthly'],
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
  build: (f, viewer) => {
    const [att, plc] = KPI_OFFICES_PARTS.map((q) => q.build(f, viewer));
    const z = (col: string) => `coalesce((${col} - avg(${col}) OVER ()) / nullif(stddev_pop(${col}) OVER (), 0), 0)`;
    const n = SCORE_COMPONENTS.length;
    return {
      sql: `WITH
      a AS (${att!.sql}),
      pagg AS (${plc!.sql}),
      base AS (
        SELECT a.office_code, a.office_name, a.province_code, coalesce(pagg.placements, 0) AS placements,
          a.seekers_attended, ${ratio('pagg.placements', 'a.seekers_attended')} AS placement_rate,
          coalesce(pagg.followed3, 0) AS followed_up_3m, ${ratio('pagg.retained3', 'pagg.followed3')} AS retention_3m,
          pagg.median_days AS median_days_to_placement, a.target_placements,
          ${ratio('coalesce(pagg.placements, 0)', 'a.target_placements')} AS placements_vs_target
        FROM a LEFT JOIN pagg USING (office_code)),
      scored AS (
        SELECT *, ${z('placements')} / ${n} AS score_placements, ${z('placement_rate')} / ${n} AS score_rate,
          ${z('retention_3m')} / ${n} AS score_retention, ${z('-median_days_to_placement')} / ${n} AS score_speed
        FROM base)
      SELECT office_code, office_name, province_code, placements::INTEGER AS placements, seekers_attended::INTEGER AS seekers_attended,
        placement_rate, followed_up_3m::INTEGER AS followed_up_3m, retention_3m, median_days_to_placement, target_placements, placements_vs_target,
        score_placements, score_rate, score_retention, score_speed,
        score_placements + score_rate + score_retention + score_speed AS score
      FROM scored ORDER BY score DESC, office_code`,
      params: { ...att!.params, ...plc!.params },
    };
  },
  parts: { of: KPI_OFFICES_PARTS, combine: ([att, plc]) => scoreOffices(rowsOf(att!), rowsOf(plc!)) },
});

/** `num / den`, null when either is null or the denominator 0 (as `ratio` in SQL). */
const div = (num: unknown, den: unknown) => (num === null || num === undefined || den === null || den === undefined || den === 0 ? null : (num as number) / (den as number));

/** `coalesce((x − mean) / nullif(population sd, 0), 0)` over the non-null values, as the SQL computes it. */
function zScores(xs: (number | null)[]): number[] {
  const present = xs.filter((x): x is number => x !== null);
  const mean = present.reduce((a, b) => a + b, 0) / (present.length || 1);
  const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (present.length || 1));
  return xs.map((x) => (x === null || !sd ? 0 : (x - mean) / sd));
}

/** The league table from its parts: the SQL of `build`, in JS (tests hold the two equal). */
function scoreOffices(offices: Record<string, unknown>[], placements: Record<string, unknown>[]): Columns {
  const byOffice = new Map(placements.map((p) => [p.office_code, p]));
  const base = offices.map((o) => {
    const p = byOffice.get(o.office_code);
    return {
      office_code: o.office_code, office_name: o.office_name, province_code: o.province_code,
      placements: (p?.placements as number | undefined) ?? 0, seekers_attended: o.seekers_attended,
      placement_rate: div(p?.placements, o.seekers_attended), followed_up_3m: (p?.followed3 as number | undefined) ?? 0,
      retention_3m: div(p?.retained3, p?.followed3), median_days_to_placement: (p?.median_days as number | null | undefined) ?? null,
      target_placements: o.target_placements ?? null, placements_vs_target: div((p?.placements as number | undefined) ?? 0, o.target_placements),
    };
  });
  const n = SCORE_COMPONENTS.length;
  const zs = [
    zScores(base.map((b) => b.placements)), zScores(base.map((b) => b.placement_rate)),
    zScores(base.map((b) => b.retention_3m)), zScores(base.map((b) => (b.median_days_to_placement === null ? null : -b.median_days_to_placement))),
  ];
  const rows = base.map((b, i) => {
    const [sp, sr, st, ss] = zs.map((z) => z[i]! / n) as [number, number, number, number];
    return { ...b, score_placements: sp, score_rate: sr, score_retention: st, score_speed: ss, score: sp + sr + st + ss };
  }).sort((a, b) => b.score - a.score || (String(a.office_code) < String(b.office_code) ? -1 : 1));
  const names = kpiOffices.columns.map((c) => c.name);
  const types: Record<string, string> = { office_code: 'VARCHAR', office_name: 'VARCHAR', province_code: 'VARCHAR', placements: 'INTEGER', seekers_attended: 'INTEGER', followed_up_3m: 'INTEGER' };
  return { names, types: names.map((c) => types[c] ?? 'DOUBLE'), values: names.map((c) => rows.map((r) => (r as Record<string, unknown>)[c])), rowCount: rows.length };
}
