import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { classifications } from './classifications.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

describe('classifications', () => {
  it('lists the 21 CIIU sections first, then the CIUO major groups, named in both languages', async () => {
    const a = await runQuery(w, classifications, {});
    const kind = a.values[a.names.indexOf('kind')]!;
    const code = a.values[a.names.indexOf('code')]!;
    expect(kind.filter((k) => k === 'sector')).toHaveLength(21);
    expect(kind.indexOf('occupation')).toBe(21);
    expect(code.slice(0, 21)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    const g = code.indexOf('G');
    expect(String(a.values[a.names.indexOf('name_es')]![g])).toMatch(/comercio/i);
    expect(String(a.values[a.names.indexOf('name_en')]![g])).toMatch(/trade/i);
  });

  it('takes no parameters', async () => {
    await expect(runQuery(w, classifications, { kind: 'sector' })).rejects.toThrow(ParamError);
  });
});
