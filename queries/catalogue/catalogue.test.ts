import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { CATALOGUE } from './catalogue.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

describe('the query catalogue', () => {
  it('has unique kebab-case names, bilingual docs and declared columns', () => {
    const names = CATALOGUE.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    for (const q of CATALOGUE) {
      expect(q.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(q.title.es && q.title.en && q.description.es && q.description.en).toBeTruthy();
      expect(q.columns.length).toBeGreaterThan(0);
    }
  });

  for (const q of CATALOGUE) {
    it(`${q.name}: its SQL plans and runs on the warehouse schema and answers the declared columns`, async () => {
      const { sql, params } = q.build(q.params.parse(q.example ?? {}), { username: 'test', role: 'concertador', territories: ['17'] });
      await w.run(`EXPLAIN ${sql}`, params);
      const answer = await w.columns(sql, params);
      expect((q.protect ? q.protect(answer) : answer).names).toEqual(q.columns.map((c) => c.name));
    });
  }
});
