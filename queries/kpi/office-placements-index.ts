import { followedUpAt, followupBounds, retainedAt } from '../../warehouse/observable-sql.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { FACT_FOLLOWUP_END_SQL, without, type KpiFilters } from './kpi-filters.ts';

/** One office's placements of one month in one province (a vacancy's): the days to placement sorted, and the follow-up counts. */
interface OfficeMonth {
  month: number;
  province: string;
  days: Int32Array;
  placements: number;
  followed3: number;
  retained3: number;
}

/** Every office's placements by month, held in memory: see {@link officePlacementsInMemory}. */
export interface OfficePlacementsIndex {
  /** The latest month with placements (`placement_monthly`), as a month number (year × 12 + month − 1). */
  latest: number | null;
  offices: Map<string, OfficeMonth[]>;
}

/** The filters that split an office's placements (the others, province and office, pick whole offices). */
const SPLITS_OFFICE_PLACEMENTS = ['sector', 'occupation', 'sex', 'age', 'channel'] as const satisfies readonly (keyof KpiFilters)[];

const monthNumber = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Reads the index from a warehouse's placement facts: one row per office, province and month, its days as a sorted list. */
async function readIndex(w: Warehouse): Promise<OfficePlacementsIndex> {
  const [{ latest } = { latest: null }] = await w.rows<{ latest: string | null }>("SELECT strftime(max(month), '%Y-%m') AS latest FROM placement_monthly");
  const c = await w.columns(
    `SELECT p.office_code, p.province_code, strftime(p.month, '%Y-%m') AS month,
       list(p.days ORDER BY p.days) FILTER (WHERE p.days IS NOT NULL) AS days, count(*)::INTEGER AS placements,
       ${followedUpAt(3)}::INTEGER AS followed3, ${retainedAt(3)}::INTEGER AS retained3
     FROM placement_fact p CROSS JOIN ${followupBounds(FACT_FOLLOWUP_END_SQL)} e
     GROUP BY p.office_code, p.province_code, p.month ORDER BY p.office_code, p.month, p.province_code`,
  );
  const col = <T>(name: string) => c.values[c.names.indexOf(name)] as T[];
  const [office, province, month, days, placements, followed3, retained3] = [
    col<string>('office_code'), col<string>('province_code'), col<string>('month'), col<number[] | null>('days'),
    col<number>('placements'), col<number>('followed3'), col<number>('retained3'),
  ];
  const offices: OfficePlacementsIndex['offices'] = new Map();
  for (let r = 0; r < c.rowCount; r++) {
    let months = offices.get(office[r]!);
    if (!months) offices.set(office[r]!, (months = []));
    months.push({ month: monthNumber(month[r]!), province: province[r]!, days: Int32Array.from(days[r] ?? []), placements: placements[r]!, followed3: followed3[r]!, retained3: retained3[r]! });
  }
  return { latest: latest === null ? null : monthNumber(latest), offices };
}

/**
 * The index of a warehouse: read once for a served (read-only) warehouse, whose data never change
 * under it; read afresh for a writable one.
 */
export const officePlacementsIndex = oncePerWarehouse(readIndex, { servedOnly: true });

/** The number of values of the sorted arrays that are at most `v`. */
function countAtMost(arrays: readonly Int32Array[], v: number): number {
  let n = 0;
  for (const a of arrays) {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    n += lo;
  }
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
    if (countAtMost(arrays, mid) > k) hi = mid;
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

/**
 * `kpi-offices`' placements per office for a period, from the warehouse's index: the same rows as
 * its SQL (offices with placements in the period, in the province or office asked for); null
 * under a filter that splits an office's placements ({@link SPLITS_OFFICE_PLACEMENTS}), whose
 * answer the SQL gives, and for a warehouse without placements.
 */
export async function officePlacementsInMemory(w: Warehouse, f: KpiFilters): Promise<Columns | null> {
  if (!without(f, SPLITS_OFFICE_PLACEMENTS)) return null;
  const index = await officePlacementsIndex(w);
  const hi = f.to ? monthNumber(f.to) : index.latest;
  if (hi === null) return null;
  const lo = f.from ? monthNumber(f.from) : hi - 11;
  const rows: [string, number, number | null, number, number][] = [];
  for (const [office, months] of index.offices) {
    if (f.office !== undefined && office !== f.office) continue;
    const inPeriod = months.filter((m) => m.month >= lo && m.month <= hi && (f.province === undefined || m.province === f.province));
    if (inPeriod.length === 0) continue;
    const sum = (key: 'placements' | 'followed3' | 'retained3') => inPeriod.reduce((s, m) => s + m[key], 0);
    rows.push([office, sum('placements'), quantileContOfSorted(inPeriod.map((m) => m.days), 0.5), sum('followed3'), sum('retained3')]);
  }
  return {
    names: ['office_code', 'placements', 'median_days', 'followed3', 'retained3'],
    types: ['VARCHAR', 'INTEGER', 'DOUBLE', 'INTEGER', 'INTEGER'],
    values: [0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c])),
    rowCount: rows.length,
  };
}
