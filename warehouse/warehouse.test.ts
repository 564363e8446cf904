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

  it('prepares on its idle connections what one has prepared, and answers the same after', async () => {
    const fresh = await Warehouse.open({ path, access: 'read', connections: 3 });
    try {
      const sql = 'SELECT count(*)::INTEGER AS n FROM t WHERE k = $k';
      for (const k of [1, 2]) await fresh.rows(sql, { k });
      expect(await fresh.spreadPrepared()).toBe(2);
      expect(await fresh.spreadPrepared()).toBe(0);
      const answers = await Promise.all([0, 1, 2, 3, 4, 5].map((k) => fresh.rows<{ n: number }>(sql, { k })));
      // 1000 = 7 × 142 + 6: each k below 6 holds 143 of the values.
      expect(answers.map(([a]) => a!.n)).toEqual([143, 143, 143, 143, 143, 143]);
    } finally {
      fresh.close();
    }
  });
});

describe('int32Columns', () => {
  it('reads INTEGER columns of many chunks whole, as Int32Arrays', async () => {
    const { names, columns, rowCount } = await served.int32Columns('SELECT i::INTEGER AS i, (k - 3)::INTEGER AS k FROM t ORDER BY i');
    expect(names).toEqual(['i', 'k']);
    expect(rowCount).toBe(1000);
    expect(columns[0]).toEqual(Int32Array.from({ length: 1000 }, (_, i) => i));
    expect(columns[1]).toEqual(Int32Array.from({ length: 1000 }, (_, i) => (i % 7) - 3));
    const big = await served.int32Columns('SELECT range::INTEGER AS r FROM range(10000)');
    expect(big.columns[0]!.reduce((a, b) => a + b, 0)).toBe((9999 * 10000) / 2);
  });

  it('refuses a column of another type, and a NULL, naming the column', async () => {
    await expect(served.int32Columns('SELECT i AS big FROM t')).rejects.toThrow(/big is BIGINT, not INTEGER/);
    await expect(served.int32Columns('SELECT CASE WHEN i = 500 THEN NULL ELSE i::INTEGER END AS holey FROM t')).rejects.toThrow(/holey holds a NULL/);
  });
});

describe('ASOF joins', () => {
  it('are planned as ASOF joins even when the left side looks tiny, as fact tables do right after a rebuild', async () => {
    const w = await Warehouse.open({ path: ':memory:', access: 'write' });
    try {
      await w.run('CREATE TABLE l (k INTEGER, t INTEGER)');
      await w.run('CREATE TABLE r (k INTEGER, t INTEGER)');
      const plan = await w.transaction(async (s) => {
        await s.run('INSERT INTO l SELECT i % 10, i FROM range(1000) t(i)');
        await s.run('INSERT INTO r SELECT i % 10, i FROM range(1000) t(i)');
        return s.rows<{ explain_value: string }>('EXPLAIN SELECT l.k, r.t FROM l ASOF LEFT JOIN r ON r.k = l.k AND l.t <= r.t');
      });
      const text = plan.map((r) => r.explain_value).join('\n');
      expect(text).toContain('ASOF_JOIN');
      expect(text).not.toContain('NESTED_LOOP_JOIN');
    } finally {
      w.close();
    }
  });
});
