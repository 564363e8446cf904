import { keepRows } from '../catalogue/keep-rows.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import type { Columns } from '../../warehouse/warehouse.ts';
import { KpiSql, aggregateAnswers, kpiParams, kpiWarm, monthNumber } from './kpi-filters.ts';
import { trendInMemory } from './pair-counts-in-memory.ts';
import { pairCountsByMonth } from './pair-counts-route.ts';

/** Months of the trend without a period: the 36 up to the latest month with placements. */
const DEFAULT_MONTHS = 36;

/**
 * The rows of a month-by-month answer (one row per month, none missing, `month` as 'YYYY-MM',
 * ending at the data's latest month) for the period `from`..`to`, defaulting as the query does:
 * `to` the answer's last month, `from` `defaultMonths` before `to`. Null when the answer does not
 * cover the whole period.
 */
export function sliceMonths(answer: Columns, from: string | undefined, to: string | undefined, defaultMonths: number): Columns | null {
  const months = answer.values[answer.names.indexOf('month')] as string[] | undefined;
  if (!months?.length) return null;
  const hi = to ?? months[months.length - 1]!;
  const loIndex = from ? monthNumber(from) : monthNumber(hi) - (defaultMonths - 1);
  if (loIndex < monthNumber(months[0]!) || monthNumber(hi) > monthNumber(months[months.length - 1]!)) return null;
  const keep = months.flatMap((m, r) => (monthNumber(m) >= loIndex && monthNumber(m) <= monthNumber(hi) ? [r] : []));
  return keepRows(answer, keep);
}

/**
 * The main KPI counts month by month, for the dashboard's date-range brush: registrations,
 * referrals, placements, vacancies and positions, one row per month of the period (default: the
 * 36 months up to the latest month with placements; at most the last 120 months of it), months without records as 0.
 * Placements are read from the monthly aggregate when the filters allow it (province, sex, age).
 */
export const kpiTrend = defineQuery({
  name: 'kpi-trend',
  audience: 'policy',
  title: { es: 'Evolución mensual de los indicadores', en: 'Monthly trend of the indicators' },
  description: {
    es: 'Registros, derivaciones, colocaciones, vacantes y puestos por mes, con los mismos filtros que los indicadores clave (cada filtro se aplica a las tablas donde tiene sentido). Hasta 120 meses.',
    en: 'Registrations, referrals, placements, vacancies and positions per month, with the same filters as the key indicators (each filter applies where it makes sense). Up to 120 months.',
  },
  formula: {
    es: 'registros(m) = registros con fecha de registro en m; derivaciones(m), colocaciones(m), vacantes(m) y puestos(m) igual con su fecha de derivación, de colocación y de publicación',
    en: 'registrations(m) = records registered in month m; referrals(m), placements(m), vacancies(m) and positions(m) likewise by referral, placement and posting date',
  },
  sources: ['pair_counts', 'seeker_fact', 'referral_fact', 'placement_fact', 'placement_monthly', 'vacancy_fact'],
  params: kpiParams({}, { maxMonths: 120 }),
  columns: [
    { name: 'month', kind: 'string', label: { es: 'Mes', en: 'Month' } },
    { name: 'registrations', kind: 'integer', label: { es: 'Registros', en: 'Registrations' } },
    { name: 'referrals', kind: 'integer', label: { es: 'Derivaciones', en: 'Referrals' } },
    { name: 'placements', kind: 'integer', label: { es: 'Colocaciones', en: 'Placements' } },
    { name: 'vacancies', kind: 'integer', label: { es: 'Vacantes publicadas', en: 'Vacancies posted' } },
    { name: 'positions', kind: 'integer', label: { es: 'Puestos', en: 'Positions' } },
  ],
  example: { from: '2024-10', to: '2026-09' },
  // The policy page's landing view, its sex and youth filters and each province, precomputed when a warehouse is served.
  warm: kpiWarm(),
  // A period within the default 36 months is a slice of the answer without a period, when it is at hand.
  reuse: {
    base: ({ from: _from, to: _to, ...filters }) => filters,
    derive: (base, p) => sliceMonths(base, p.from, p.to, DEFAULT_MONTHS),
  },
  // At most two filters on each fact: from the pair cube held in memory.
  compute: (w, f) => trendInMemory(w, f, DEFAULT_MONTHS),
  build: (f) => {
    const k = new KpiSql(f, DEFAULT_MONTHS);
    // Each series from the pair cube when at most two filters apply to it, else from its facts.
    const placements = pairCountsByMonth(k, 'placement') ?? (aggregateAnswers(f)
      ? `SELECT pm.month, sum(pm.placements) AS n FROM placement_monthly pm WHERE ${k.inPeriod('pm.month')} AND ${k.where('placement_monthly', 'pm')} GROUP BY pm.month`
      : `SELECT p.month, count(*) AS n FROM placement_fact p WHERE ${k.inPeriod('p.month')} AND ${k.where('placement_fact', 'p')} GROUP BY p.month`);
    return k.bound(`WITH
      months AS (SELECT range::DATE AS month FROM range(greatest(${k.lo}, (${k.hi} - INTERVAL 119 MONTH)::DATE)::TIMESTAMP, (${k.hi} + INTERVAL 1 MONTH)::TIMESTAMP, INTERVAL 1 MONTH)),
      reg AS (${pairCountsByMonth(k, 'seeker') ?? `SELECT s.reg_month AS month, count(*) AS n FROM seeker_fact s WHERE ${k.inPeriod('s.reg_month')} AND ${k.where('seeker_fact', 's')} GROUP BY s.reg_month`}),
      ref AS (${pairCountsByMonth(k, 'referral') ?? `SELECT r.ref_month AS month, count(*) AS n FROM referral_fact r WHERE ${k.inPeriod('r.ref_month')} AND ${k.where('referral_fact', 'r')} GROUP BY r.ref_month`}),
      plc AS (${placements}),
      vac AS (${pairCountsByMonth(k, 'vacancy') ?? `SELECT v.posted_month AS month, count(*) AS n, sum(v.positions) AS positions FROM vacancy_fact v
        WHERE ${k.inPeriod('v.posted_month')} AND ${k.where('vacancy_fact', 'v')} GROUP BY v.posted_month`})
      SELECT strftime(m.month, '%Y-%m') AS month, coalesce(reg.n, 0)::INTEGER AS registrations, coalesce(ref.n, 0)::INTEGER AS referrals,
        coalesce(plc.n, 0)::INTEGER AS placements, coalesce(vac.n, 0)::INTEGER AS vacancies, coalesce(vac.positions, 0)::INTEGER AS positions
      FROM months m LEFT JOIN reg USING (month) LEFT JOIN ref USING (month) LEFT JOIN plc USING (month) LEFT JOIN vac USING (month)
      ORDER BY m.month`);
  },
});
