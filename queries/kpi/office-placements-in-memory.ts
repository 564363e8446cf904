import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { countAtMost } from './count-at-most.ts';
import type { KpiFilters } from './kpi-filters.ts';
import { FOLLOWED_3M, NO_DAYS, RETAINED_3M, codedConditions, matchingRows, placementRecords, recordsPeriod, rowsByDays, rowsOfMonths, type PlacementRecords } from './placement-records.ts';

/** The number of values of the sorted arrays that are at most `v`. */
function countAllAtMost(arrays: readonly Int32Array[], v: number): number {
  let n = 0;
  for (const a of arrays) n += countAtMost(a, v);
  return n;
}

/** The k-th smallest value (0-based) of the union of sorted arrays, by bisection on the value. */
function kthOfSorted(arrays: readonly Int32Array[], k: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    if (a.length === 0) continue;
    lo = Math.min(lo, a[0]!);
    hi = Math.max(hi, a[a.length - 1]!);
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (countAllAtMost(arrays, mid) > k) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** DuckDB's `quantile_cont` of the values of sorted integer arrays: interpolated between the closest ranks. */
export function quantileContOfSorted(arrays: readonly Int32Array[], q: number): number | null {
  const n = arrays.reduce((sum, a) => sum + a.length, 0);
  if (n === 0) return null;
  const rank = (n - 1) * q;
  const [floor, ceil] = [Math.floor(rank), Math.ceil(rank)];
  const lo = kthOfSorted(arrays, floor);
  if (floor === ceil) return lo;
  const hi = kthOfSorted(arrays, ceil);
  return lo + (hi - lo) * (rank - floor);
}

/** The filters that split an office's placements (the others, province and office, pick whole offices' runs). */
const SPLITS_OFFICE_PLACEMENTS = ['sector', 'occupation', 'sex', 'age', 'channel'] as const satisfies readonly (keyof KpiFilters)[];

/** One office's figures as they are added up. */
interface OfficeSum {
  placements: number;
  days: Int32Array[];
  followed3: number;
  retained3: number;
}

/** Whole runs (one office, province and month) of the period that the province and office filters pick. */
function sumWholeRuns(records: PlacementRecords, f: KpiFilters, lo: number, hi: number): Map<number, OfficeSum> {
  const { start, end } = rowsOfMonths(records, lo, hi);
  const conditions = codedConditions(records, f);
  const sums = new Map<number, OfficeSum>();
  const { runs } = records;
  // The runs are in row order: find the first that starts at `start` by bisection.
  let i = 0;
  for (let hiRun = runs.length - 1; i < hiRun;) {
    const mid = (i + hiRun) >> 1;
    if (runs[mid]! < start) i = mid + 1;
    else hiRun = mid;
  }
  for (; i < runs.length - 1 && runs[i]! < end; i++) {
    const [a, b] = [runs[i]!, runs[i + 1]!];
    if (!conditions.every((c) => c.allowed[c.codes[a]!] === 1)) continue;
    const office = records.coded.office[a]!;
    let sum = sums.get(office);
    if (!sum) sums.set(office, (sum = { placements: 0, days: [], followed3: 0, retained3: 0 }));
    sum.placements += b - a;
    sum.days.push(records.runDays[i]!);
    sum.followed3 += records.runFollowed3[i]!;
    sum.retained3 += records.runRetained3[i]!;
  }
  return sums;
}

/** The rows the filters let through, added up by office; each office's days come out sorted from the rows ordered by days. */
function sumMatchingRows(records: PlacementRecords, rows: Int32Array): Map<number, OfficeSum> {
  const offices = records.codes.office.length;
  const [placements, followed3, retained3, known] = [0, 1, 2, 3].map(() => new Int32Array(offices)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const { coded: { office }, flags, days } = records;
  for (const r of rows) {
    const o = office[r]!;
    const fl = flags[r]!;
    placements[o]!++;
    if ((fl & FOLLOWED_3M) === FOLLOWED_3M) followed3[o]!++;
    if ((fl & RETAINED_3M) === RETAINED_3M) retained3[o]!++;
    if (days[r] !== NO_DAYS) known[o]!++;
  }
  // Each office's share of one array of days, filled in order of days, so each share comes out sorted.
  const at = new Int32Array(offices + 1);
  for (let o = 0; o < offices; o++) at[o + 1] = at[o]! + known[o]!;
  const sortedDays = new Int32Array(at[offices]!);
  const next = at.slice(0, offices);
  for (const r of rowsByDays(records, rows)) sortedDays[next[office[r]!]!++] = days[r]!;
  const sums = new Map<number, OfficeSum>();
  for (let o = 0; o < offices; o++) {
    if (placements[o] === 0) continue;
    sums.set(o, { placements: placements[o]!, days: [sortedDays.subarray(at[o]!, at[o + 1]!)], followed3: followed3[o]!, retained3: retained3[o]! });
  }
  return sums;
}

/**
 * `kpi-offices`' placements per office for a period, from the placement records held in memory:
 * the same rows as its SQL (offices with placements in the period under the filters). Without a
 * filter that splits an office's placements, whole runs of an office's month are added up, their
 * days already sorted; with one, the period's placements are filtered one by one. Null for a
 * warehouse without placements, which the SQL answers.
 */
export async function officePlacementsInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  const records = await placementRecords(w);
  const period = recordsPeriod(records, f);
  if (!period) return null;
  const splits = SPLITS_OFFICE_PLACEMENTS.some((name) => f[name] !== undefined);
  const sums = splits ? sumMatchingRows(records, matchingRows(records, f)!) : sumWholeRuns(records, f, period.lo, period.hi);
  const rows = [...sums].map(([office, s]) => [records.codes.office[office] ?? null, s.placements, quantileContOfSorted(s.days, 0.5), s.followed3, s.retained3] as const);
  return {
    names: ['office_code', 'placements', 'median_days', 'followed3', 'retained3'],
    types: ['VARCHAR', 'INTEGER', 'DOUBLE', 'INTEGER', 'INTEGER'],
    values: [0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c])),
    rowCount: rows.length,
  };
}
