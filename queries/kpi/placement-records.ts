import { FOLLOWUP_FLAG, FOLLOWUP_FLAGS_SQL, followupBounds } from '../../warehouse/observable-sql.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { MONTH_NUMBER_SQL, codedColumns, latestPlacementMonth } from './coded-columns.ts';
import { FACT_FOLLOWUP_END_SQL, allowedCodes, periodMonths, type KpiFilters } from './kpi-filters.ts';

/** The placement filters held as codes, with the fact column each reads. */
const CODED = {
  office: 'p.office_code',
  province: 'p.province_code',
  sector: 'p.sector_code',
  occupation: 'p.occupation_code',
  sex: 'p.sex',
  age: 'p.age_band',
  channel: 'p.channel',
} as const satisfies Partial<Record<keyof KpiFilters, string>>;

/** A coded filter of the placement records. */
export type CodedFilter = keyof typeof CODED;

const CODED_FILTERS = Object.keys(CODED) as CodedFilter[];


/** NULL days to placement (a placement whose seeker is unknown), in {@link PlacementRecords.days}. */
export const NO_DAYS = -2147483648;

/**
 * Every placement of a warehouse (`placement_fact`), held in memory as typed arrays, one entry
 * per placement: read once per served warehouse (about 2.5 s and 17 bytes a placement: 136 MB for
 * the 8 M of scale `mx`). The KPI figures a filter splits (persons placed, medians, follow-ups
 * by office) are then worked out by one pass over the period's placements instead of a scan of
 * the facts.
 *
 * Rows are ordered by month, office, province and days to placement (no days last), so the
 * placements of one office in one province and month are a run (`runs`) with its days sorted.
 */
export interface PlacementRecords {
  /** The latest month with placements (`placement_monthly`), as a month number (year × 12 + month − 1). */
  latest: number | null;
  /** The month number of row 0's month. */
  firstMonth: number;
  /** The rows of month `firstMonth + i` are `monthStart[i]` to `monthStart[i + 1]` (exclusive). */
  monthStart: Int32Array;
  /** Each coded filter's values (index 0: NULL), sorted. */
  codes: Record<CodedFilter, readonly (string | null)[]>;
  /** Each coded filter's value per placement, as an index into `codes`. */
  coded: Record<CodedFilter, Uint8Array | Uint16Array>;
  /** The person placed (`px`), −1 when unknown. */
  px: Int32Array;
  /** One more than the highest `px`. */
  persons: number;
  /** Days from registration to placement, {@link NO_DAYS} when unknown. */
  days: Int32Array;
  /** Follow-up flags (warehouse/observable-sql.ts `FOLLOWUP_FLAG`), observability fixed at the facts' follow-up end. */
  flags: Uint8Array;
  /** The runs of one office, province and month: their first rows (and one past the last run's end). */
  runs: Int32Array;
  /** Per run: its known days, sorted (a view of `days`). */
  runDays: Int32Array[];
  /** Per run: placements followed up at 3 months (due then), and of them still employed. */
  runFollowed3: Int32Array;
  runRetained3: Int32Array;
  /** The smallest known days to placement (0 when none is known). */
  minDays: number;
  /** The last few answers of {@link matchingRows}, the latest first. */
  recentMatches: { key: string; rows: Int32Array }[];
  /** Answers of {@link rowsByDays}, by the rows asked for (an answer of {@link matchingRows}). */
  byDays: WeakMap<Int32Array, Int32Array>;
  /** Scratch: the rows of a period as they are filtered. */
  scratch: Int32Array;
  /** Scratch: one bit per person, for counting distinct persons. */
  seen: Uint32Array;
  /** Scratch: one count per value of days from `minDays` on, for ordering rows by days. */
  dayCounts: Int32Array;
}

/** The flags of a placement followed up at 3 months (due then and followed up), as `followedUpAt(3)` counts it. */
export const FOLLOWED_3M = FOLLOWUP_FLAG.due3 | FOLLOWUP_FLAG.has3;

/** The flags of a placement still employed at 3 months (due then and employed), as `retainedAt(3)` counts it. */
export const RETAINED_3M = FOLLOWUP_FLAG.due3 | FOLLOWUP_FLAG.emp3;

/** How many answers of {@link matchingRows} are kept, and the most rows one kept may hold (4 MB; a long period's are not kept). */
const RECENT_MATCHES = 4;
const KEPT_MATCH_ROWS = 1 << 20;

async function readRecords(w: Warehouse): Promise<PlacementRecords> {
  const latest = await latestPlacementMonth(w);
  const { codes, ctes, joins, selects } = await codedColumns(w, 'placement_fact', 'p', CODED);
  for (const d of CODED_FILTERS) if (codes[d].length > 65536) throw new Error(`placement records: more than 65,535 values of ${d}`);
  const { columns, rowCount } = await w.int32Columns(`WITH ${ctes}
    SELECT ${MONTH_NUMBER_SQL('p.month')} AS month, ${selects},
      coalesce(p.px, -1) AS px, coalesce(p.days, ${NO_DAYS}) AS days, ${FOLLOWUP_FLAGS_SQL} AS flags
    FROM placement_fact p CROSS JOIN ${followupBounds(FACT_FOLLOWUP_END_SQL)} e ${joins}
    ORDER BY month, office, province, p.days NULLS LAST`);
  const [month, ...rest] = columns as [Int32Array, ...Int32Array[]];
  const coded = Object.fromEntries(CODED_FILTERS.map((d, i) => [d, codes[d].length > 255 ? Uint16Array.from(rest[i]!) : Uint8Array.from(rest[i]!)])) as PlacementRecords['coded'];
  const [px, days, flags] = rest.slice(CODED_FILTERS.length) as [Int32Array, Int32Array, Int32Array];
  const firstMonth = rowCount ? month[0]! : 0;
  const months = rowCount ? month[rowCount - 1]! - firstMonth + 1 : 0;
  const monthStart = new Int32Array(months + 1);
  const runs: number[] = [];
  for (let r = 0, m = 0; r <= rowCount; r++) {
    const at = r < rowCount ? month[r]! - firstMonth : months;
    while (m <= at) monthStart[m++] = r;
    if (r < rowCount && (r === 0 || month[r] !== month[r - 1] || coded.office[r] !== coded.office[r - 1] || coded.province[r] !== coded.province[r - 1])) runs.push(r);
  }
  runs.push(rowCount);
  const persons = px.reduce((max, p) => Math.max(max, p + 1), 0);
  let [minDays, maxDays] = [Infinity, -Infinity];
  for (const d of days) {
    if (d === NO_DAYS) continue;
    if (d < minDays) minDays = d;
    if (d > maxDays) maxDays = d;
  }
  if (minDays > maxDays) [minDays, maxDays] = [0, 0];
  const runCount = runs.length - 1;
  const runDays: Int32Array[] = [];
  const [runFollowed3, runRetained3] = [new Int32Array(runCount), new Int32Array(runCount)];
  for (let i = 0; i < runCount; i++) {
    let known = runs[i + 1]!;
    while (known > runs[i]! && days[known - 1] === NO_DAYS) known--;
    runDays.push(days.subarray(runs[i]!, known));
    for (let r = runs[i]!; r < runs[i + 1]!; r++) {
      if ((flags[r]! & FOLLOWED_3M) === FOLLOWED_3M) runFollowed3[i]!++;
      if ((flags[r]! & RETAINED_3M) === RETAINED_3M) runRetained3[i]!++;
    }
  }
  return {
    latest, firstMonth, monthStart, codes, coded, px, persons, days,
    flags: Uint8Array.from(flags), runs: Int32Array.from(runs), runDays, runFollowed3, runRetained3, minDays,
    recentMatches: [], byDays: new WeakMap(), scratch: new Int32Array(0), seen: new Uint32Array(Math.ceil(persons / 32)), dayCounts: new Int32Array(maxDays - minDays + 2),
  };
}

/**
 * The placement records of a warehouse: read once for a served (read-only) warehouse, whose data
 * never change under it; read afresh for a writable one.
 */
export const placementRecords = oncePerWarehouse(readRecords, { servedOnly: true });

/** The months a 12-month KPI period covers, as month numbers (see `periodMonths` in kpi-filters.ts). */
export function recordsPeriod(records: PlacementRecords, f: KpiFilters): { lo: number; hi: number } | null {
  return periodMonths(f, records.latest, 12);
}

/** The rows of the months lo..hi: a range of rows, empty when the period holds no placements. */
export function rowsOfMonths(records: PlacementRecords, lo: number, hi: number): { start: number; end: number } {
  const last = records.monthStart.length - 2;
  const a = Math.max(lo - records.firstMonth, 0);
  const b = Math.min(hi - records.firstMonth, last);
  if (a > b) return { start: 0, end: 0 };
  return { start: records.monthStart[a]!, end: records.monthStart[b + 1]! };
}

/** The coded filters given, each as the codes it lets through (see `allowedCodes`). */
export function codedConditions(records: PlacementRecords, f: KpiFilters): { codes: Uint8Array | Uint16Array; allowed: Uint8Array }[] {
  return CODED_FILTERS.flatMap((d) => {
    const value = f[d];
    return value === undefined ? [] : [{ codes: records.coded[d], allowed: allowedCodes(d, value, records.codes[d]) }];
  });
}

/** The rows `start` to `end` (exclusive) whose code is allowed, written to `rows`; their number. */
function allowedIn(rows: Int32Array, start: number, end: number, codes: Uint8Array | Uint16Array, allowed: Uint8Array): number {
  let n = 0;
  // Branch-free: a filter keeps rows at random, and a mispredicted branch per row doubles the pass.
  for (let r = start; r < end; r++) {
    rows[n] = r;
    n += allowed[codes[r]!]!;
  }
  return n;
}

/** The rows of `rows` (ascending) whose code is allowed, written over `rows`' start; their number. */
function keepAllowed(rows: Int32Array, n: number, codes: Uint8Array | Uint16Array, allowed: Uint8Array): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    rows[kept] = r;
    kept += allowed[codes[r]!]!;
  }
  return kept;
}

/**
 * The rows of a period that the filters let through, as a list of row numbers, in row order (not
 * to be written to: the last few are kept, since the views of one interaction ask for the same):
 * one tight pass per filter, each over the rows the previous ones kept. Null when no period can
 * be set (a warehouse without placements).
 */
export function matchingRows(records: PlacementRecords, f: KpiFilters): Int32Array | null {
  const period = recordsPeriod(records, f);
  if (!period) return null;
  const key = JSON.stringify([period.lo, period.hi, ...CODED_FILTERS.map((d) => f[d] ?? null)]);
  const kept = records.recentMatches.find((m) => m.key === key);
  if (kept) return kept.rows;
  const { start, end } = rowsOfMonths(records, period.lo, period.hi);
  const [first, ...others] = codedConditions(records, f);
  if (records.scratch.length < end - start) records.scratch = new Int32Array(end - start);
  const all = records.scratch;
  let n = first ? allowedIn(all, start, end, first.codes, first.allowed) : end - start;
  if (!first) for (let i = 0; i < n; i++) all[i] = start + i;
  for (const c of others) n = keepAllowed(all, n, c.codes, c.allowed);
  const rows = all.slice(0, n);
  if (n <= KEPT_MATCH_ROWS) {
    records.recentMatches.unshift({ key, rows });
    records.recentMatches.length = Math.min(records.recentMatches.length, RECENT_MATCHES);
  }
  return rows;
}

/** The number of distinct known persons among the rows. */
export function distinctPersons(records: PlacementRecords, rows: Int32Array): number {
  const { seen, px } = records;
  seen.fill(0);
  let n = 0;
  for (const r of rows) {
    const p = px[r]!;
    if (p < 0) continue;
    const [word, bit] = [p >>> 5, 1 << (p & 31)];
    if ((seen[word]! & bit) === 0) {
      seen[word]! |= bit;
      n++;
    }
  }
  return n;
}

/**
 * The rows with known days, ordered by their days (ascending; rows of equal days in their order
 * in `rows`), by counting: days to placement span a few thousand values, so this costs a pass
 * over the rows and one over the values, where a sort of 100 k values costs several times more.
 * Kept for the rows asked for, which the views of one interaction share (see {@link matchingRows}).
 */
export function rowsByDays(records: PlacementRecords, rows: Int32Array): Int32Array {
  const kept = records.byDays.get(rows);
  if (kept) return kept;
  const { days, dayCounts: counts, minDays } = records;
  counts.fill(0);
  let known = 0;
  for (const r of rows) {
    const d = days[r]!;
    if (d !== NO_DAYS) {
      counts[d - minDays + 1]!++;
      known++;
    }
  }
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  const out = new Int32Array(known);
  for (const r of rows) {
    const d = days[r]!;
    if (d !== NO_DAYS) out[counts[d - minDays]!++] = r;
  }
  records.byDays.set(rows, out);
  return out;
}
