import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from './once-per-warehouse.ts';

describe('oncePerWarehouse', () => {
  it('reads once per warehouse, and again after a failure', async () => {
    const [a, b] = [{} as Warehouse, {} as Warehouse];
    let calls = 0;
    let fail = true;
    const read = oncePerWarehouse(async (w) => {
      calls++;
      if (w === b && fail) throw new Error('closed');
      return w === a ? 'a' : 'b';
    });
    expect(await Promise.all([read(a), read(a)])).toEqual(['a', 'a']);
    expect(calls).toBe(1);
    await expect(read(b)).rejects.toThrow('closed');
    fail = false;
    expect(await read(b)).toBe('b');
    expect(calls).toBe(3);
  });

  it('with servedOnly, keeps only a served warehouse\'s value', async () => {
    const [served, writable] = [{ access: 'read' } as Warehouse, { access: 'write' } as Warehouse];
    let calls = 0;
    const read = oncePerWarehouse(async () => ++calls, { servedOnly: true });
    expect([await read(served), await read(served)]).toEqual([1, 1]);
    expect([await read(writable), await read(writable)]).toEqual([2, 3]);
  });
});
