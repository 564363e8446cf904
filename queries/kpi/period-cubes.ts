import type { Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { MONTH_NUMBER_SQL, codedColumns, latestPlacementMonth } from './coded-columns.ts';
import { countAtMost } from './count-at-most.ts';

/**
 * A small cube by month (a few rows to a few hundred thousand) held in memory as typed arrays,
 * its rows ordered by month: see {@link periodCubes}.
 */
export interface MonthCube<C extends string> {
  rowCount: number;
  /** Each row's month, as a month number (year × 12 + month − 1). */
  month: Int32Array;
  /** Each row's previous month of its unit (a reach cube's `prev`), as a month number; −1 for none. */
  prev: Int32Array;
  /** The integer columns, and the text columns as indexes into `codes`. */
  col: Record<C, Int32Array>;
  /** The dictionaries of the text columns (index 0: NULL). */
  codes: Record<string, readonly (string | null)[]>;
}

/**
 * Reads a cube (`from`: a table or a parenthesised query, aliased `c`, with a DATE `month`) with
 * its integer columns `values` and the text columns `coded` (SQL over `c`), ordered by month.
 * `reach`: the cube has a `prev` month.
 */
async function readMonthCube<V extends string, K extends string = never>(
  w: Warehouse, from: string, values: readonly V[], options: { coded?: Record<K, string>; reach?: boolean } = {},
): Promise<MonthCube<V | K>> {
  const coded = options.coded && Object.keys(options.coded).length ? await codedColumns(w, from, 'c', options.coded) : null;
  const { names, columns, rowCount } = await w.int32Columns(`${coded ? `WITH ${coded.ctes}` : ''}
    SELECT ${MONTH_NUMBER_SQL('c.month')} AS month, ${options.reach ? `coalesce(${MONTH_NUMBER_SQL('c.prev')}, -1)` : '-1'}::INTEGER AS prev
      ${coded ? `, ${coded.selects}` : ''}${values.map((v) => `, c.${v}::INTEGER AS ${v}`).join('')}
    FROM ${from} c ${coded?.joins ?? ''}
    ORDER BY month`);
  const col = Object.fromEntries(names.slice(2).map((name, i) => [name, columns[i + 2]!])) as Record<V | K, Int32Array>;
  return { rowCount, month: columns[0]!, prev: columns[1]!, col, codes: coded?.codes ?? {} };
}

/**
 * The period cubes of the warehouse's cube migrations (registration, attendance, channel, flow
 * and funnel cubes) held in memory, read once per served warehouse (1.1 M rows, 23 MB and 0.15 s
 * at mx). A KPI of a period without a person or place filter is then a pass over the period's
 * rows, where its SQL costs a statement (2-9 ms each, seven or eight of them for a new period on
 * the policy page).
 */
export interface PeriodCubes {
  /** The latest month with placements, as a month number; null without placements. */
  latest: number | null;
  /** Registrations per month (`seeker_fact`). */
  registrations: MonthCube<'n'>;
  registrationReach: MonthCube<'persons'>;
  firstServiceDays: MonthCube<'days' | 'n'>;
  activeByMonth: MonthCube<'active'>;
  attendanceReach: MonthCube<'persons'>;
  officeAttendanceReach: MonthCube<'persons' | 'office_code'>;
  channelMonth: MonthCube<'events' | 'kind'>;
  channelReach: MonthCube<'persons' | 'observable' | 'converted' | 'firms' | 'kind'>;
  funnelReach: MonthCube<FunnelCount | 'office_code' | 'sex' | 'age_band' | 'disability'>;
  referralMonth: MonthCube<'referrals'>;
  placementDays: MonthCube<'days' | 'n'>;
  placementReach: MonthCube<'persons'>;
  placementMonth: MonthCube<'placements' | 'followed_up_3m' | 'retained_3m' | 'followed_up_6m' | 'retained_6m' | 'done' | 'due'>;
  fillDays: MonthCube<'days' | 'n'>;
  vacancyMonth: MonthCube<'vacancies' | 'positions' | 'filled' | 'observable_30' | 'open_30'>;
  /** The offices by code, as `office` lists them (sorted by code). */
  offices: { code: string[]; name: string[]; province: string[] };
  /** The placements targets per office and month. */
  targets: { office: string[]; month: number[]; target: number[] };
}

/** The counts of the funnel cube, in its columns' order. */
export const FUNNEL_COUNTS = ['registered', 'referred', 'interviewed', 'placed', 'retained_3m', 'retained_6m'] as const;
type FunnelCount = (typeof FUNNEL_COUNTS)[number];

async function readCubes(w: Warehouse): Promise<PeriodCubes> {
  const [latest, registrations, registrationReach, firstServiceDays, activeByMonth, attendanceReach, officeAttendanceReach, channelMonth, channelReach,
    funnelReach, referralMonth, placementDays, placementReach, placementMonth, fillDays, vacancyMonth, offices, targets] = await Promise.all([
    latestPlacementMonth(w),
    readMonthCube(w, '(SELECT s.reg_month AS month, count(*) AS n FROM seeker_fact s WHERE s.reg_month IS NOT NULL GROUP BY s.reg_month)', ['n']),
    readMonthCube(w, 'registration_reach', ['persons'], { reach: true }),
    readMonthCube(w, 'first_service_days', ['days', 'n']),
    readMonthCube(w, 'active_by_month', ['active']),
    readMonthCube(w, 'attendance_reach', ['persons'], { reach: true }),
    readMonthCube(w, 'office_attendance_reach', ['persons'], { reach: true, coded: { office_code: 'c.office_code' } }),
    readMonthCube(w, 'channel_month', ['events'], { coded: { kind: 'c.kind' } }),
    readMonthCube(w, 'channel_reach', ['persons', 'observable', 'converted', 'firms'], { reach: true, coded: { kind: 'c.kind' } }),
    readMonthCube(w, 'funnel_reach', FUNNEL_COUNTS, {
      reach: true,
      coded: { office_code: 'c.office_code', sex: 'c.sex', age_band: 'c.age_band', disability: "CASE WHEN c.disability THEN 'yes' ELSE 'no' END" },
    }),
    readMonthCube(w, 'referral_month', ['referrals']),
    readMonthCube(w, 'placement_days', ['days', 'n']),
    readMonthCube(w, 'placement_reach', ['persons'], { reach: true }),
    readMonthCube(w, 'placement_month', ['placements', 'followed_up_3m', 'retained_3m', 'followed_up_6m', 'retained_6m', 'done', 'due']),
    readMonthCube(w, 'fill_days', ['days', 'n']),
    readMonthCube(w, 'vacancy_month', ['vacancies', 'positions', 'filled', 'observable_30', 'open_30']),
    w.rows<{ code: string; name: string; province: string }>('SELECT office_code AS code, name, province_code AS province FROM office ORDER BY office_code'),
    w.rows<{ office: string; month: number; target: number }>(
      `SELECT office_code AS office, ${MONTH_NUMBER_SQL('period_month')} AS month, target FROM office_target WHERE indicator = 'placements' ORDER BY period_month, office_code`),
  ]);
  return {
    latest, registrations, registrationReach, firstServiceDays, activeByMonth, attendanceReach, officeAttendanceReach, channelMonth, channelReach,
    funnelReach, referralMonth, placementDays, placementReach, placementMonth, fillDays, vacancyMonth,
    offices: { code: offices.map((o) => o.code), name: offices.map((o) => o.name), province: offices.map((o) => o.province) },
    targets: { office: targets.map((t) => t.office), month: targets.map((t) => Number(t.month)), target: targets.map((t) => t.target) },
  };
}

/** The period cubes of a served warehouse, read once (see {@link PeriodCubes}); a writable warehouse's are read on every call. */
export const periodCubes = oncePerWarehouse(readCubes, { servedOnly: true });

/** The first row of a cube at or after month `m` (its row count when there is none). */
export function firstRowFrom<C extends string>(cube: MonthCube<C>, m: number): number {
  return countAtMost(cube.month, m - 1);
}

/** The rows of a cube of the months `lo`..`hi`, as a range [start, end). */
export function monthRows<C extends string>(cube: MonthCube<C>, lo: number, hi: number): { start: number; end: number } {
  return { start: firstRowFrom(cube, lo), end: firstRowFrom(cube, hi + 1) };
}

/** Sums of a cube's columns over a period, per group: see {@link periodSums}. */
export interface GroupSums {
  /** The rows added up in each group (a group without any is absent from the answer). */
  rows: Int32Array;
  /** Per summed column, in the order asked for, the sum of each group. */
  sums: Float64Array[];
}

/**
 * The sums of `values` over the rows of the months `lo`..`hi` (with `reach`, only the rows whose
 * previous month is none or before `lo`, so that each unit counts once: see warehouse/reach-sql.ts),
 * per code of the column `by` (else one group, 0), over the rows whose `keep.column` code
 * `keep.allowed` lets through. The SQL `sum(...) ... WHERE month BETWEEN lo AND hi AND (prev IS
 * NULL OR prev < lo) GROUP BY by`.
 */
export function periodSums<C extends string>(cube: MonthCube<C>, lo: number, hi: number, values: readonly C[],
  options: { reach?: boolean; by?: C; keep?: { column: C; allowed: Uint8Array } } = {}): GroupSums {
  const groups = options.by ? cube.codes[options.by]!.length : 1;
  const by = options.by ? cube.col[options.by] : null;
  const keep = options.keep ? cube.col[options.keep.column] : null;
  const allowed = options.keep?.allowed;
  const rows = new Int32Array(groups);
  const sums = values.map(() => new Float64Array(groups));
  const columns = values.map((v) => cube.col[v]);
  const { start, end } = monthRows(cube, lo, hi);
  for (let r = start; r < end; r++) {
    if (options.reach && cube.prev[r]! >= lo) continue;
    if (keep && !allowed![keep[r]!]) continue;
    const g = by ? by[r]! : 0;
    rows[g]!++;
    for (let v = 0; v < columns.length; v++) sums[v]![g]! += columns[v]![r]!;
  }
  return { rows, sums };
}

/** The total of one column over the months `lo`..`hi` (with `reach`, as {@link periodSums}). */
export function periodTotal<C extends string>(cube: MonthCube<C>, lo: number, hi: number, value: C, reach = false): number {
  return periodSums(cube, lo, hi, [value], { reach }).sums[0]![0]!;
}

/** A histogram of days (how many records took each number of days), from a cube of `days` and `n`. */
export interface DaysHistogram {
  /** The first number of days counted. */
  min: number;
  /** How many records took `min + i` days. */
  counts: Float64Array;
  total: number;
}

/** The histogram of days of the months `lo`..`hi` of a `(month, days, n)` cube: the SQL `sum(n) ... GROUP BY days`. */
export function periodHistogram(cube: MonthCube<'days' | 'n'>, lo: number, hi: number): DaysHistogram {
  const { start, end } = monthRows(cube, lo, hi);
  if (end <= start) return { min: 0, counts: new Float64Array(0), total: 0 };
  const { days, n } = cube.col;
  let [min, max] = [Infinity, -Infinity];
  for (let r = start; r < end; r++) {
    if (days[r]! < min) min = days[r]!;
    if (days[r]! > max) max = days[r]!;
  }
  const counts = new Float64Array(max - min + 1);
  let total = 0;
  for (let r = start; r < end; r++) {
    counts[days[r]! - min]! += n[r]!;
    total += n[r]!;
  }
  return { min, counts, total };
}

/**
 * The quantile `q` of the values a histogram holds, as `histogramQuantiles` (kpi-filters.ts)
 * computes it in SQL: the values at ranks ⌊(N − 1)·q⌋ and ⌈(N − 1)·q⌉ interpolated the same way,
 * so that the doubles are equal; null for an empty histogram.
 */
export function histogramQuantile(h: DaysHistogram, q: number): number | null {
  if (h.total === 0) return null;
  const pos = (h.total - 1) * q;
  const [floor, ceil] = [Math.floor(pos), Math.ceil(pos)];
  let [running, lo, hi] = [0, NaN, NaN];
  for (let i = 0; i < h.counts.length; i++) {
    running += h.counts[i]!;
    if (Number.isNaN(lo) && running > floor) lo = h.min + i;
    if (running > ceil) {
      hi = h.min + i;
      break;
    }
  }
  if (pos === floor) return lo;
  const frac = pos - floor;
  return lo * (1 - frac) + hi * frac;
}
