import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { placementsByMonthProvince as q } from './placements-by-month-province.ts';

let w: Warehouse;

/** Rows as (placement date, province); everything else is filler the query does not read. */
const PLACEMENTS: [string, string][] = [
  ['2024-01-05', '17'], ['2024-01-20', '17'], ['2024-01-31', '09'],
  ['2024-02-01', '09'], ['2024-02-15', '09'], ['2024-02-28', '20'],
  ['2022-01-10', '17'],
];

beforeAll(async () => {
  w = await memoryWarehouse();
  for (const [i, [date, province]] of PLACEMENTS.entries()) {
    await w.run(
      `INSERT INTO placement VALUES (?, 's', 'v', ?::DATE, date_trunc('month', ?::DATE)::DATE, 'OF', ?, ? || '01', 'G', '5', 'F', '18-24', 400, 'portal', 1)`,
      [`P${i}`, date, date, province, province],
    );
  }
  await rebuildAggregates(w);
});
afterAll(() => w.close());

const rows = async (params: Record<string, unknown>) => {
  const a = await runQuery(w, q, params);
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])));
};

describe('placements-by-month-province', () => {
  it('counts placements per month and province, hand-checked', async () => {
    expect(await rows({ from: '2024-01', to: '2024-02' })).toEqual([
      { month: '2024-01', province_code: '09', placements: 1 },
      { month: '2024-01', province_code: '17', placements: 2 },
      { month: '2024-02', province_code: '09', placements: 2 },
      { month: '2024-02', province_code: '20', placements: 1 },
    ]);
  });

  it('filters by province and defaults to the 24 months up to the latest month', async () => {
    expect(await rows({ from: '2024-01', to: '2024-02', province: '17' })).toEqual([
      { month: '2024-01', province_code: '17', placements: 2 },
    ]);
    const all = await rows({});
    expect(all.reduce((n, r) => n + (r.placements as number), 0)).toBe(6);
    expect(all.some((r) => r.month === '2022-01')).toBe(false);
  });

  it('refuses unknown and malformed parameters with a clear message', async () => {
    await expect(runQuery(w, q, { from: '2024-1' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { from: '2024-1' })).rejects.toThrow(/from: expected a month as YYYY-MM/);
    await expect(runQuery(w, q, { provincia: '17' })).rejects.toThrow(/provincia/);
    await expect(runQuery(w, q, { province: "17' OR 1=1 --" })).rejects.toThrow(ParamError);
  });
});
