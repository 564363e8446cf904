import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from './warehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-warehouse-'));
const path = join(dir, 'w.duckdb');
let served: Warehouse;

beforeAll(async () => {
  const w = await Warehouse.open({ path, access: 'write' });
  await w.run('CREATE TABLE t AS SELECT range AS i, range % 7 AS k FROM range(1000)');
  await w.checkpoint();
  w.close();
  served = await Warehouse.open({ path, access: 'read', connections: 2 });
});
afterAll(() => {
  served.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a served warehouse', () => {
  it('answers the same statement with each new value bound, many times over, on its connections at once', async () => {
    const sql = 'SELECT count(*)::INTEGER AS n, sum(i)::INTEGER AS s FROM t WHERE k = $k AND i < $below';
    const asks = Array.from({ length: 60 }, (_, j) => ({ k: j % 7, below: 100 + j * 10 }));
    const answers = await Promise.all(asks.map((p) => served.rows<{ n: number; s: number }>(sql, p)));
    asks.forEach((p, j) => {
      const matching = Array.from({ length: p.below }, (_, i) => i).filter((i) => i % 7 === p.k);
      expect(answers[j]).toEqual([{ n: matching.length, s: matching.reduce((a, b) => a + b, 0) }]);
    });
  });

  it('keeps answering right past the statements it keeps, and after a failed run', async () => {
    for (let j = 0; j < 300; j++) {
      const c = await served.columns(`SELECT ${j}::INTEGER AS j, count(*)::INTEGER AS n FROM t WHERE i < $below`, { below: j });
      expect(c.values).toEqual([[j], [j]]);
    }
    await expect(served.columns('SELECT 1 / 0 AS x FROM t WHERE i = $i AND error(\'boom\') IS NULL', { i: 1 })).rejects.toThrow(/boom/);
    expect((await served.columns('SELECT count(*)::INTEGER AS n FROM t WHERE k = $k', { k: 3 })).values).toEqual([[143]]);
  });
});
