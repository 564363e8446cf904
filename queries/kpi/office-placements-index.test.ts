import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixture } from '../../etl/testing/demo-fixture.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import type { KpiFilters } from './kpi-filters.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiOfficesPlacements } from './kpi-offices-parts.ts';
import { officePlacementsIndex, quantileContOfSorted } from './office-placements-index.ts';

const sorted = (c: Columns) => {
  const order = (c.values[0] as string[]).map((_, r) => r).sort((a, b) => String(c.values[0]![a]).localeCompare(String(c.values[0]![b])));
  return c.values.map((col) => order.map((r) => col[r]));
};

/** The placements part from the index and from its SQL, for every period between the months given and each filter. */
async function compareRoutes(w: Warehouse, months: readonly string[], filters: readonly KpiFilters[]): Promise<number> {
  let placements = 0;
  for (const [i, from] of months.entries()) {
    for (const to of months.slice(i)) {
      const sets: KpiFilters[] = [...filters.map((x) => ({ ...x, from, to })), ...filters];
      for (const f of sets) {
        const fromIndex = await kpiOfficesPlacements.compute!(w, f, null);
        const { sql, params } = kpiOfficesPlacements.build(f, null);
        const fromSql = await w.columns(sql, params);
        expect(fromIndex, JSON.stringify(f)).not.toBeNull();
        expect(fromIndex!.names).toEqual(fromSql.names);
        expect(fromIndex!.types).toEqual(fromSql.types);
        expect(sorted(fromIndex!), JSON.stringify(f)).toEqual(sorted(fromSql));
        placements += (fromSql.values[1] as number[]).reduce((a, b) => a + b, 0);
      }
    }
  }
  return placements;
}

describe('quantileContOfSorted', () => {
  it('interpolates between the closest ranks of the sorted arrays together, as quantile_cont', () => {
    const a = (...v: number[]) => Int32Array.from(v);
    expect(quantileContOfSorted([a(1, 4), a(2, 7)], 0.5)).toBe(3);
    expect(quantileContOfSorted([a(1, 4), a(2, 7)], 0.37)).toBe(2 + (4 - 2) * (3 * 0.37 - 1));
    expect(quantileContOfSorted([a(5), a(), a(5, 5, 9)], 0.5)).toBe(5);
    expect(quantileContOfSorted([a(), a()], 0.5)).toBeNull();
  });
});

describe('placements per office from the index held in memory', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await memoryWarehouse();
    await insertKpiFixture(w);
  });
  afterAll(() => w.close());

  it('equal its SQL for every period of the fixture, whole and by province and office', async () => {
    const months = ['2023-06', '2023-12', '2024-01', '2024-02', '2024-03', '2024-05', '2024-09'];
    const placements = await compareRoutes(w, months, [{}, { province: '17' }, { office: 'OF-1701' }, { province: '09' }]);
    expect(placements).toBeGreaterThan(20);
  });

  it('declines a filter that splits an office\'s placements', async () => {
    for (const f of [{ sector: 'G' }, { sex: 'F' as const }, { age: 'youth' as const }, { channel: 'portal' as const }, { occupation: '5' }]) {
      expect(await kpiOfficesPlacements.compute!(w, f, null), JSON.stringify(f)).toBeNull();
    }
  });

  it('is read once for a served warehouse', async () => {
    const served = { access: 'read', columns: w.columns.bind(w), rows: w.rows.bind(w) } as unknown as Warehouse;
    expect(await officePlacementsIndex(served)).toBe(await officePlacementsIndex(served));
  });
});

describe('placements per office from the index on the demo', () => {
  const demo = demoFixture('office-index', 5);
  it('equal its SQL for periods of one to twenty-four months, whole and by the busiest province', async () => {
    const w = demo.warehouse;
    const [{ p }] = (await w.rows<{ p: string }>('SELECT province_code AS p FROM placement_fact GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1')) as [{ p: string }];
    const placements = await compareRoutes(w, ['2024-09', '2025-01', '2025-06', '2025-07', '2026-09'], [{}, { province: p }]);
    expect(placements).toBeGreaterThan(1000);
  });
});
