import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { servedView } from '../../warehouse/testing/served-view.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition } from '../catalogue/query-definition.ts';
import { parseParams } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiChannels } from './kpi-channels.ts';
import { kpiFunnel } from './kpi-funnel.ts';
import { kpiOfficesAttended } from './kpi-offices-parts.ts';
import { KPI_SUMMARY_PARTS } from './kpi-summary-parts.ts';
import { kpiVacancyCohorts } from './kpi-vacancy-cohorts.ts';
import { histogramQuantile, periodSums, type MonthCube } from './period-cubes.ts';

/** Each query answered from the period cubes in memory, with its extra parameters. */
const QUERIES: readonly [QueryDefinition, Record<string, string>][] = [
  ...KPI_SUMMARY_PARTS.map((q) => [q, {}] as [QueryDefinition, Record<string, string>]),
  [kpiOfficesAttended, {}], [kpiChannels, {}], [kpiVacancyCohorts, {}],
  ...(['none', 'office', 'sex', 'age_band', 'disability'] as const).map((by) => [kpiFunnel, { by }] as [QueryDefinition, Record<string, string>]),
];

/** Filters the cubes answer (none, inert ones, a channel, a province or office that picks offices) and one they do not. */
const FILTERS: readonly Record<string, string>[] = [{}, { sector: 'G' }, { occupation: '5' }, { channel: 'portal' }, { channel: 'workshop' }, { sex: 'F' }];

/**
 * Every query's answer from the cubes in memory and from its SQL, for every period between the
 * months given, the default period and the open-ended ones, under each filter set (plus the
 * `extra` filters, for one query each). Returns how many answers the cubes gave, and the sum of
 * their integers, so that a test can show it compared something.
 */
async function compareRoutes(w: Warehouse, months: readonly string[], extra: readonly [QueryDefinition, Record<string, string>][] = []) {
  const served = servedView(w);
  const periods: Record<string, string>[] = [{}, { from: months[1]! }, { to: months[1]! }, ...months.flatMap((from, i) => months.slice(i).map((to) => ({ from, to })))];
  const cases = [...QUERIES.flatMap(([q, own]) => FILTERS.map((f) => [q, { ...own, ...f }] as const)), ...extra];
  let [answered, total] = [0, 0];
  for (const period of periods) {
    for (const [q, raw] of cases) {
      const params = parseParams(q, { ...raw, ...period }) as never;
      const fromMemory = await q.compute!(served, params, null);
      if (!fromMemory) continue;
      const { sql, params: bound } = q.build(params, null);
      const fromSql = await w.columns(sql, bound);
      const label = `${q.name} ${JSON.stringify({ ...raw, ...period })}`;
      expect({ names: fromMemory.names, types: fromMemory.types, values: fromMemory.values }, label)
        .toEqual({ names: fromSql.names, types: fromSql.types, values: fromSql.values });
      answered++;
      fromMemory.values.forEach((column, c) => {
        if (fromMemory.types[c] === 'INTEGER') total += (column as number[]).reduce((a, b) => a + b, 0);
      });
    }
  }
  return { answered, total };
}

describe('period cube primitives', () => {
  const cube = (rows: readonly number[][]): MonthCube<'v' | 'g'> => ({
    rowCount: rows.length,
    month: Int32Array.from(rows, (r) => r[0]!), prev: Int32Array.from(rows, (r) => r[1]!),
    col: { v: Int32Array.from(rows, (r) => r[2]!), g: Int32Array.from(rows, (r) => r[3]!) }, codes: { g: [null, 'a', 'b'] },
  });

  it('add up a period\'s rows per group, each unit once when asked for its reach', () => {
    // month, prev, value, group
    const c = cube([[10, -1, 5, 1], [11, 10, 7, 1], [11, -1, 2, 2], [12, 11, 4, 2], [13, 5, 9, 1]]);
    expect([...periodSums(c, 11, 12, ['v'], { by: 'g' }).sums[0]!]).toEqual([0, 7, 6]);
    // From month 11, the row whose previous month is 11 is not a first month of the period.
    expect([...periodSums(c, 11, 12, ['v'], { by: 'g', reach: true }).sums[0]!]).toEqual([0, 7, 2]);
    expect([...periodSums(c, 10, 13, ['v'], { reach: true }).rows]).toEqual([3]);
    expect([...periodSums(c, 10, 13, ['v'], { keep: { column: 'g', allowed: Uint8Array.of(0, 0, 1) } }).sums[0]!]).toEqual([6]);
    expect([...periodSums(c, 14, 20, ['v']).rows]).toEqual([0]);
  });

  it('interpolate a histogram\'s quantiles as quantile_cont over its values', () => {
    // The values 1, 1, 4, 7: quantile_cont gives 1 + (4 − 1)·0.5 = 2.5 and 4 + (7 − 4)·0.25 = 4.75.
    const h = { min: 1, counts: Float64Array.of(2, 0, 0, 1, 0, 0, 1), total: 4 };
    expect(histogramQuantile(h, 0.5)).toBe(2.5);
    expect(histogramQuantile(h, 0.75)).toBe(4.75);
    expect(histogramQuantile({ min: 3, counts: Float64Array.of(3), total: 3 }, 0.75)).toBe(3);
    expect(histogramQuantile({ min: 0, counts: new Float64Array(0), total: 0 }, 0.5)).toBeNull();
  });
});

describe('KPI answers from the period cubes in memory', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await memoryWarehouse();
    await insertKpiFixture(w);
  });
  afterAll(() => w.close());

  it('equal their SQL for every period of the fixture', async () => {
    const { answered, total } = await compareRoutes(w, ['2023-06', '2023-12', '2024-01', '2024-02', '2024-03', '2024-05', '2024-09'],
      [[kpiOfficesAttended, { province: '17' }], [kpiOfficesAttended, { office: 'OF-1701' }]]);
    expect(answered).toBeGreaterThan(1000);
    expect(total).toBeGreaterThan(1000);
  });
});

describe('KPI answers from the period cubes on the demo', () => {
  const demo = demoFixture('period-cubes', 6);
  it('equal their SQL for periods of one to twenty-four months', async () => {
    const { answered, total } = await compareRoutes(demo.warehouse, ['2024-09', '2025-01', '2025-06', '2026-09']);
    expect(answered).toBeGreaterThan(500);
    expect(total).toBeGreaterThan(10_000);
  });
});
