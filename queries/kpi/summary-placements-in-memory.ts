import { FOLLOWUP_FLAG } from '../../warehouse/observable-sql.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { FACT_FILTERS, KpiSql, monthText, without, type KpiFilters } from './kpi-filters.ts';
import { quantileContOfSorted } from './office-placements-in-memory.ts';
import { pairCountsInMemory, pairSeries } from './pair-counts-in-memory.ts';
import { distinctPersons, matchingRows, placementRecords, recordsPeriod, rowsByDays } from './placement-records.ts';

const div = (num: number, den: number) => (den === 0 ? null : num / den);
const has = (flags: number, bits: number) => (flags & bits) === bits;

/**
 * `kpi-summary-placements` under a placement filter, from the placement records held in memory
 * (placement-records.ts), the referrals from the pair cube in memory (or, under more than two
 * filters, counted by the SQL `referrals` makes): the same columns and values as its SQL. Null
 * without a placement filter, which the flow cube answers, and for a warehouse without placements.
 */
export async function summaryPlacementsInMemory(w: Warehouse, f: KpiFilters, referrals: (k: KpiSql) => string): Promise<Columns | null> {
  if (without(f, FACT_FILTERS.placement_fact)) return null;
  const records = await placementRecords(w);
  const period = recordsPeriod(records, f);
  const rows = matchingRows(records, f);
  if (!period || !rows) return null;
  // Referrals from the pair cube in memory when at most two filters apply to them, else counted by SQL.
  const referralSeries = pairSeries(await pairCountsInMemory(w), f, 'referral', period.lo, period.hi);
  const k = new KpiSql({ ...f, from: monthText(period.lo), to: monthText(period.hi) }, 12);
  const referralCount = referralSeries
    ? Promise.resolve([{ referrals: referralSeries.n.reduce((a, b) => a + b, 0) }])
    : w.rows<{ referrals: number | bigint }>(referrals(k), k.params);
  const { due1, due3, due6, has1, has3, has6, emp3, emp6 } = FOLLOWUP_FLAG;
  // The placements by their flags (256 values), then every count from those 256 tallies.
  const byFlags = new Int32Array(256);
  for (const r of rows) byFlags[records.flags[r]!]!++;
  const c = { followed3: 0, retained3: 0, followed6: 0, retained6: 0, done: 0, due: 0 };
  byFlags.forEach((n, fl) => {
    if (has(fl, due3 | has3)) c.followed3 += n;
    if (has(fl, due3 | emp3)) c.retained3 += n;
    if (has(fl, due6 | has6)) c.followed6 += n;
    if (has(fl, due6 | emp6)) c.retained6 += n;
    c.done += n * (+has(fl, due1 | has1) + +has(fl, due3 | has3) + +has(fl, due6 | has6));
    c.due += n * (+has(fl, due1) + +has(fl, due3) + +has(fl, due6));
  });
  const days = rowsByDays(records, rows).map((r) => records.days[r]!);
  const persons = distinctPersons(records, rows);
  const [{ referrals: ref } = { referrals: 0 }] = await referralCount;
  const values: unknown[] = [
    monthText(period.lo), monthText(period.hi), Number(ref), rows.length, persons,
    quantileContOfSorted([days], 0.5), quantileContOfSorted([days], 0.75),
    c.followed3, div(c.retained3, c.followed3), c.followed6, div(c.retained6, c.followed6), div(c.done, c.due),
  ];
  const names = ['period_from', 'period_to', 'referrals', 'placements', 'persons_placed', 'median_days_to_placement', 'p75_days_to_placement',
    'followed_up_3m', 'retention_3m', 'followed_up_6m', 'retention_6m', 'followup_completion'];
  const types = ['VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER', 'INTEGER', 'DOUBLE', 'DOUBLE', 'INTEGER', 'DOUBLE', 'INTEGER', 'DOUBLE', 'DOUBLE'];
  return { names, types, values: values.map((v) => [v]), rowCount: 1 };
}
