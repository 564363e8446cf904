import { beforeAll, describe, expect, it } from 'vitest';
// The demo generator and the real loader make the data (the queries themselves never import etl/).
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import { PAIR_DIMENSIONS, PAIR_FACTS, REBUILD_PAIR_COUNTS, type PairDimension, type PairFact } from '../../warehouse/pair-counts.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { FACT_FILTERS, KpiSql, monthNumber, monthText, type KpiFilters } from './kpi-filters.ts';
import { pairCountsInMemory, pairSeries, type PairCountsInMemory } from './pair-counts-in-memory.ts';
import { pairCountsByMonth } from './pair-counts-route.ts';

const demo = demoFixture('pairs', 11);
let w: Warehouse;
let pairs: PairCountsInMemory;

beforeAll(async () => {
  w = demo.warehouse;
  // The demo codes occupations by major group (one digit); a PES may code them to four digits.
  for (const [table, day] of [['vacancy_fact', 'posted_on'], ['referral_fact', 'referred_on'], ['placement_fact', 'placed_on']]) {
    await w.run(`UPDATE ${table} SET occupation_code = occupation_code || (month(${day}) % 3)::VARCHAR || '41' WHERE day(${day}) % 2 = 0`);
  }
  for (const statement of REBUILD_PAIR_COUNTS) await w.run(statement);
  pairs = await pairCountsInMemory(w);
});

/** Filter values to try for a dimension of a fact: its most frequent values, and the youth band and 1-digit occupation groups. */
async function valuesOf(fact: PairFact, dim: PairDimension): Promise<string[]> {
  const column = PAIR_DIMENSIONS[dim];
  const top = (await w.rows<{ v: string }>(
    `SELECT ${column}::VARCHAR AS v FROM ${PAIR_FACTS[fact].table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  )).map((r) => r.v);
  if (dim === 'age') return [...top, 'youth'];
  if (dim === 'occupation') {
    const groups = (await w.rows<{ v: string }>(
      `SELECT left(occupation_code, 2) AS v FROM ${PAIR_FACTS[fact].table} WHERE length(occupation_code) >= 2 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
    )).map((r) => r.v);
    expect(groups.length, 'four-digit codes to filter by two digits').toBe(2);
    return [...groups, groups[0]!.slice(0, 1)];
  }
  return top;
}

describe('counts from the pair cube', () => {
  it('covers exactly the filters each fact table takes', () => {
    for (const { table, dims } of Object.values(PAIR_FACTS)) expect([...dims].sort()).toEqual([...FACT_FILTERS[table]].sort());
  });

  it('equal the records counted by month under no filter, every filter and every pair of filters, for three periods', async () => {
    let checked = 0;
    for (const fact of Object.keys(PAIR_FACTS) as PairFact[]) {
      const { table, month, dims } = PAIR_FACTS[fact];
      const values = Object.fromEntries(await Promise.all(dims.map(async (d) => [d, await valuesOf(fact, d)] as const))) as Record<PairDimension, string[]>;
      const sets: Partial<KpiFilters>[] = [{}];
      for (const [i, a] of dims.entries()) {
        for (const va of values[a]) {
          sets.push({ [a]: va });
          for (const b of dims.slice(i + 1)) sets.push({ [a]: va, [b]: values[b][0]! });
        }
      }
      for (const filters of sets) {
        for (const period of [{}, { from: '2025-02', to: '2025-04' }, { from: '2031-01', to: '2031-12' }]) {
          const f = { ...filters, ...period } as KpiFilters;
          const cube = new KpiSql(f, 12);
          const sql = pairCountsByMonth(cube, fact);
          expect(sql, JSON.stringify(f)).not.toBeNull();
          const records = new KpiSql(f, 12);
          const [got, want] = await Promise.all([
            w.rows(`SELECT strftime(month, '%Y-%m') AS month, n::BIGINT AS n, positions::BIGINT AS positions FROM (${sql}) ORDER BY month`, cube.params),
            w.rows<{ month: string; n: string; positions: string | null }>(
              `SELECT strftime(x.${month}, '%Y-%m') AS month, count(*)::BIGINT AS n, ${fact === 'vacancy' ? 'sum(x.positions)::BIGINT' : 'NULL::BIGINT'} AS positions
               FROM ${table} x WHERE ${records.inPeriod(`x.${month}`)} AND ${records.where(table, 'x')} GROUP BY 1 ORDER BY 1`,
              records.params,
            ),
          ]);
          expect(got, `${fact} ${JSON.stringify(f)}`).toEqual(want);
          checked += want.length;
          // The same series from the cube held in memory.
          const lo = f.from ? monthNumber(f.from) : pairs.latest! - 11;
          const hi = f.to ? monthNumber(f.to) : pairs.latest!;
          const series = pairSeries(pairs, f, fact, lo, hi)!;
          const inMemory = [...series.n].flatMap((n, i) => (n > 0 ? [{ month: monthText(lo + i), n, positions: fact === 'vacancy' ? series.positions[i] : null }] : []));
          expect(inMemory, `in memory: ${fact} ${JSON.stringify(f)}`).toEqual(want.map((r) => ({ month: r.month, n: Number(r.n), positions: r.positions === null ? null : Number(r.positions) })));
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('declines three filters on one fact table, which its records then answer', () => {
    const k = new KpiSql({ province: '17', sex: 'F', age: 'youth' }, 12);
    expect(pairCountsByMonth(k, 'placement')).toBeNull();
    expect(pairCountsByMonth(k, 'vacancy')).not.toBeNull();
    expect(pairSeries(pairs, k.filters, 'placement', 0, 1)).toBeNull();
  });
});
