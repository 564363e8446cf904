import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { provinces } from './provinces.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

describe('provinces', () => {
  it('lists the 24 provinces and code 90 in code order with their regions', async () => {
    const a = await runQuery(w, provinces, {});
    expect(a.rowCount).toBe(25);
    expect(a.values[0]!.slice(0, 2)).toEqual(['01', '02']);
    const i = a.values[0]!.indexOf('20');
    expect([a.values[1]![i], a.values[2]![i]]).toEqual(['Galápagos', 'Insular']);
    expect(a.values[2]![a.values[0]!.indexOf('90')]).toBeNull();
  });
});
