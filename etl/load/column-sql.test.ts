import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { trimmedSql } from './column-sql.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
});
afterAll(() => w.close());

/** Whether the fast trim and DuckDB's own `nullif(trim(x), '')` disagree on any of `values`. */
async function disagreements(values: (string | null)[]): Promise<{ x: string | null; fast: string | null; slow: string | null }[]> {
  return w.rows(
    `SELECT x, ${trimmedSql('x')} AS fast, nullif(trim(x), '') AS slow FROM (SELECT unnest(?::VARCHAR[]) AS x)
     WHERE fast IS DISTINCT FROM slow`,
    [JSON.stringify(values)],
  );
}

describe('trimmedSql', () => {
  it('trims as trim() does: spaces, Unicode spaces, tabs kept, empty and NULL values', async () => {
    const edges = ['', ' ', '  ', 'a', ' a', 'a ', ' a ', '\ta\t', '\u00a0a', 'a\u00a0', '\u3000a\u3000', 'ñ', ' ñ ', 'año ', '\u2009', 'x\u202f', null];
    expect(await disagreements(edges)).toEqual([]);
    expect(await w.rows(`SELECT ${trimmedSql("' a '")} AS a, ${trimmedSql("'b'")} AS b, ${trimmedSql("'  '")} AS c`)).toEqual([{ a: 'a', b: 'b', c: null }]);
  });

  it('agrees with trim() on arbitrary text', async () => {
    const space = fc.constantFrom(' ', '\u00a0', '\t', '\u2003', '\n');
    const text = fc.tuple(fc.array(space, { maxLength: 2 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.array(space, { maxLength: 2 }))
      .map(([a, b, c]) => a.join('') + b + c.join(''));
    await fc.assert(fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 40 }), async (values) => {
      expect(await disagreements(values)).toEqual([]);
    }), { numRuns: 60, seed: 20261127 });
  });
});
