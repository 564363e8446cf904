import { PAIR_DIMENSIONS, PAIR_FACTS, dimsKey, type PairDimension, type PairFact } from '../../warehouse/pair-counts.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { MONTH_NUMBER_SQL, codedColumns, latestPlacementMonth } from './coded-columns.ts';
import { FACT_FILTERS, allowedCodes, monthText, periodMonths, type KpiFilters } from './kpi-filters.ts';

const DIMENSIONS = Object.keys(PAIR_DIMENSIONS) as PairDimension[];

/**
 * The pair cube (warehouse/pair-counts.ts) held in memory as typed arrays, read once per served
 * warehouse (1.4 M rows, about 0.5 s and 25 MB at mx): each fact's monthly counts under every
 * single filter and pair of filters. A month-by-month series under at most two filters is then a
 * pass over one block of a few thousand rows, where its SQL costs a statement (5-10 ms for the
 * four series of the KPI trend).
 */
export interface PairCountsInMemory {
  /** The latest month with placements (`placement_monthly`), as a month number; null without placements. */
  latest: number | null;
  /** Each dimension's values (index 0: NULL, not grouped by). */
  codes: Record<PairDimension, readonly (string | null)[]>;
  /** Each dimension's value per row, as an index into `codes`. */
  coded: Record<PairDimension, Uint16Array>;
  month: Int32Array;
  n: Int32Array;
  positions: Int32Array;
  /** The rows of each fact under each set of dimensions (`fact|dims`), as a range. */
  blocks: Map<string, { start: number; end: number }>;
}

async function readPairs(w: Warehouse): Promise<PairCountsInMemory> {
  const latest = await latestPlacementMonth(w);
  // The blocks are coded as the dimensions are: one dictionary of `fact|dims`.
  const expressions = { ...Object.fromEntries(DIMENSIONS.map((d) => [d, `c.${PAIR_DIMENSIONS[d]}`])) as Record<PairDimension, string>, block: "c.fact || '|' || c.dims" };
  const { codes, ctes, joins, selects } = await codedColumns(w, 'pair_counts', 'c', expressions);
  const { columns, rowCount } = await w.int32Columns(`WITH ${ctes}
    SELECT ${MONTH_NUMBER_SQL('c.month')} AS month, ${selects}, c.n::INTEGER AS n, coalesce(c.positions, 0)::INTEGER AS positions
    FROM pair_counts c ${joins}
    ORDER BY block, month`);
  const [month, ...rest] = columns as [Int32Array, ...Int32Array[]];
  const block = rest[DIMENSIONS.length]!;
  const blocks = new Map<string, { start: number; end: number }>();
  for (let r = 0; r < rowCount;) {
    const start = r;
    while (r < rowCount && block[r] === block[start]) r++;
    blocks.set(codes.block[block[start]!]!, { start, end: r });
  }
  return {
    latest, codes,
    coded: Object.fromEntries(DIMENSIONS.map((d, i) => [d, Uint16Array.from(rest[i]!)])) as PairCountsInMemory['coded'],
    month, n: rest[DIMENSIONS.length + 1]!, positions: rest[DIMENSIONS.length + 2]!, blocks,
  };
}

/** The pair cube of a warehouse, in memory: read once for a served (read-only) warehouse, afresh for a writable one. */
export const pairCountsInMemory = oncePerWarehouse(readPairs, { servedOnly: true });

/**
 * A fact's records (and, for vacancies, positions) month by month from `lo` to `hi` (month
 * numbers) under the filters that apply to it, as `pairCountsByMonth` counts them; null when more
 * than two apply, which the facts answer.
 */
export function pairSeries(pairs: PairCountsInMemory, f: KpiFilters, fact: PairFact, lo: number, hi: number): { n: Float64Array; positions: Float64Array } | null {
  const given = FACT_FILTERS[PAIR_FACTS[fact].table].filter((name) => f[name] !== undefined);
  if (given.length > 2) return null;
  const out = { n: new Float64Array(Math.max(hi - lo + 1, 0)), positions: new Float64Array(Math.max(hi - lo + 1, 0)) };
  const block = pairs.blocks.get(`${fact}|${dimsKey(given)}`);
  if (!block) return out;
  const tests = given.map((name) => ({ codes: pairs.coded[name], allowed: allowedCodes(name, f[name]!, pairs.codes[name]) }));
  const { month, n, positions } = pairs;
  for (let r = block.start; r < block.end; r++) {
    const m = month[r]!;
    if (m < lo || m > hi || !tests.every((t) => t.allowed[t.codes[r]!] === 1)) continue;
    out.n[m - lo]! += n[r]!;
    out.positions[m - lo]! += positions[r]!;
  }
  return out;
}

/**
 * `kpi-trend` from the pair cube held in memory: the same rows as its SQL (`months` months by
 * default, at most 120, up to the latest month with placements), or null when more than two
 * filters apply to one of its facts, or without placements, which the SQL answers.
 */
export async function trendInMemory(w: Warehouse, f: KpiFilters, months: number): Promise<Columns | null> {
  const pairs = await pairCountsInMemory(w);
  const period = periodMonths(f, pairs.latest, months);
  if (!period) return null;
  const { hi } = period;
  const lo = Math.max(period.lo, hi - 119);
  const [reg, ref, plc, vac] = (['seeker', 'referral', 'placement', 'vacancy'] as const).map((fact) => pairSeries(pairs, f, fact, lo, hi));
  if (!reg || !ref || !plc || !vac) return null;
  const count = Math.max(hi - lo + 1, 0);
  const column = (values: Float64Array) => Array.from(values.subarray(0, count));
  return {
    names: ['month', 'registrations', 'referrals', 'placements', 'vacancies', 'positions'],
    types: ['VARCHAR', 'INTEGER', 'INTEGER', 'INTEGER', 'INTEGER', 'INTEGER'],
    values: [Array.from({ length: count }, (_, i) => monthText(lo + i)), column(reg.n), column(ref.n), column(plc.n), column(vac.n), column(vac.positions)],
    rowCount: count,
  };
}
