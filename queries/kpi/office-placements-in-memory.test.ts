import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { servedView } from '../../warehouse/testing/served-view.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import type { KpiFilters } from './kpi-filters.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiOfficesPlacements } from './kpi-offices-parts.ts';
import { kpiSummaryPlacements } from './kpi-summary-parts.ts';
import { quantileContOfSorted } from './office-placements-in-memory.ts';
import { placementRecords } from './placement-records.ts';

const sorted = (c: Columns) => {
  const order = (c.values[0] as string[]).map((_, r) => r).sort((a, b) => String(c.values[0]![a]).localeCompare(String(c.values[0]![b])));
  return c.values.map((col) => order.map((r) => col[r]));
};

/**
 * The placements per office and the summary's placement figures, from the records held in memory
 * and from their SQL, for every period between the months given (and the default period) under
 * each filter set. Returns the placements counted, so that a test can show it compared something.
 */
async function compareRoutes(w: Warehouse, months: readonly string[], filters: readonly KpiFilters[]): Promise<number> {
  // As a served warehouse holds them: the records read once for every comparison.
  const served = servedView(w);
  let placements = 0;
  const periods = [{}, ...months.flatMap((from, i) => months.slice(i).map((to) => ({ from, to })))];
  for (const period of periods) {
    for (const f of filters.map((x) => ({ ...x, ...period }))) {
      const fromMemory = await kpiOfficesPlacements.compute!(served, f, null);
      const { sql, params } = kpiOfficesPlacements.build(f, null);
      const fromSql = await w.columns(sql, params);
      expect(fromMemory, JSON.stringify(f)).not.toBeNull();
      expect(fromMemory!.names).toEqual(fromSql.names);
      expect(fromMemory!.types).toEqual(fromSql.types);
      expect(sorted(fromMemory!), JSON.stringify(f)).toEqual(sorted(fromSql));
      placements += (fromSql.values[1] as number[]).reduce((a, b) => a + b, 0);

      const summary = await kpiSummaryPlacements.compute!(served, f, null);
      const summarySql = kpiSummaryPlacements.build(f, null);
      const expected = await w.columns(summarySql.sql, summarySql.params);
      expect(summary, JSON.stringify(f)).not.toBeNull();
      expect({ names: summary!.names, types: summary!.types, values: summary!.values }, JSON.stringify(f))
        .toEqual({ names: expected.names, types: expected.types, values: expected.values });
    }
  }
  return placements;
}

/** Every kind of placement filter, alone and with others. */
const FILTERS: readonly KpiFilters[] = [
  {}, { province: '17' }, { office: 'OF-1701' }, { province: '09' }, { sector: 'G' }, { sex: 'F' }, { age: 'youth' }, { age: '25-29' },
  { channel: 'portal' }, { occupation: '5' }, { sector: 'G', sex: 'M' }, { province: '17', sex: 'F', age: 'youth' },
];

describe('quantileContOfSorted', () => {
  it('interpolates between the closest ranks of the sorted arrays together, as quantile_cont', () => {
    const a = (...v: number[]) => Int32Array.from(v);
    expect(quantileContOfSorted([a(1, 4), a(2, 7)], 0.5)).toBe(3);
    expect(quantileContOfSorted([a(1, 4), a(2, 7)], 0.37)).toBe(2 + (4 - 2) * (3 * 0.37 - 1));
    expect(quantileContOfSorted([a(5), a(), a(5, 5, 9)], 0.5)).toBe(5);
    expect(quantileContOfSorted([a(), a()], 0.5)).toBeNull();
  });
});

describe('placement figures from the records held in memory', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await memoryWarehouse();
    await insertKpiFixture(w);
  });
  afterAll(() => w.close());

  it('equal their SQL for every period of the fixture, under every kind of filter', async () => {
    const months = ['2023-06', '2023-12', '2024-01', '2024-02', '2024-03', '2024-05', '2024-09'];
    const placements = await compareRoutes(w, months, FILTERS);
    expect(placements).toBeGreaterThan(20);
  });

  it('are read once for a served warehouse', async () => {
    const served = servedView(w);
    const records = await placementRecords(served);
    expect(records.px.length).toBeGreaterThan(0);
    expect(await placementRecords(served)).toBe(records);
  });
});

describe('placement figures from the records on the demo', () => {
  const demo = demoFixture('placement-records', 5);
  it('equal their SQL for periods of one to twenty-four months, under each kind of filter', async () => {
    const w = demo.warehouse;
    const [{ p }] = (await w.rows<{ p: string }>('SELECT province_code AS p FROM placement_fact GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1')) as [{ p: string }];
    const [{ s }] = (await w.rows<{ s: string }>('SELECT sector_code AS s FROM placement_fact GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1')) as [{ s: string }];
    const filters: KpiFilters[] = [{}, { province: p }, { sector: s, sex: 'F' }, { age: 'youth', channel: 'counselling' }, { province: p, occupation: '9', sex: 'M' }];
    const placements = await compareRoutes(w, ['2024-09', '2025-01', '2025-06', '2026-09'], filters);
    expect(placements).toBeGreaterThan(1000);
  });
});
