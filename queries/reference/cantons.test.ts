import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { cantons } from './cantons.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

describe('cantons', () => {
  it("lists one province's cantons by code with their names", async () => {
    const a = await runQuery(w, cantons, cantons.params.parse({ province: '09' }));
    expect(a.names).toEqual(['code', 'name', 'province_code']);
    expect(a.rowCount).toBe(25);
    expect([a.values[0]![0], a.values[1]![0]]).toEqual(['0901', 'Guayaquil']);
    expect(new Set(a.values[2])).toEqual(new Set(['09']));
    const quito = await runQuery(w, cantons, cantons.params.parse({ province: '17' }));
    expect(quito.values[1]![quito.values[0]!.indexOf('1701')]).toBe('Quito');
  });

  it('lists every canton without a province, and refuses a malformed one', async () => {
    const all = await runQuery(w, cantons, cantons.params.parse({}));
    const [{ n }] = (await w.rows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM territory WHERE level = 'canton'")) as [{ n: number }];
    expect(all.rowCount).toBe(n);
    expect(n).toBeGreaterThan(220);
    expect(cantons.params.safeParse({ province: "09' OR 1=1" }).success).toBe(false);
    expect(cantons.params.safeParse({ province: '09', x: '1' }).success).toBe(false);
  });
});
