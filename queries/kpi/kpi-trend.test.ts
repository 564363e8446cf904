import { describe, expect, it } from 'vitest';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { kpiSuite } from './kpi-suite.ts';
import { kpiTrend as q, sliceMonths } from './kpi-trend.ts';

/** Rows as [month, registrations, referrals, placements, vacancies, positions]. */
const suite = kpiSuite(q);
const rows = suite.rows;

describe('kpi-trend on the hand-made fixture', () => {
  it('counts each month, hand-checked', async () => {
    expect(await rows({ from: '2024-01', to: '2024-03' })).toEqual([
      ['2024-01', 2, 2, 1, 2, 3], // S1 S2; R1 R2; C1; V1 (2) V4 (1)
      ['2024-02', 2, 1, 1, 1, 1], // S3 S5; R3; C2; V2
      ['2024-03', 0, 2, 1, 1, 3], // R4 R5; C3; V3
    ]);
  });

  it('applies a vacancy filter to referrals, placements and vacancies but not to registrations', async () => {
    expect(await rows({ from: '2024-01', to: '2024-03', sector: 'G' })).toEqual([
      ['2024-01', 2, 2, 1, 1, 2],
      ['2024-02', 2, 0, 1, 0, 0],
      ['2024-03', 0, 1, 0, 1, 3],
    ]);
  });

  it('reads placements from the monthly aggregate under person filters, with the same answer', async () => {
    expect(await rows({ from: '2024-01', to: '2024-04', province: '09', sex: 'M' })).toEqual([
      ['2024-01', 0, 0, 0, 1, 1], // V4
      ['2024-02', 0, 0, 0, 1, 1], // V2
      ['2024-03', 0, 1, 1, 0, 0], // R4, C3: S4 is a man sent to V2 in 09
      ['2024-04', 0, 0, 0, 0, 0],
    ]);
    const viaRaw = await rows({ from: '2024-01', to: '2024-07', province: '17', channel: 'portal' });
    expect(viaRaw.map((r) => r[3])).toEqual([0, 1, 0, 1, 0, 0, 0]); // C2 (Feb), C4 (Apr)
  });

  it('defaults to the 36 months up to the latest month with placements', async () => {
    const all = await rows({});
    expect(all).toHaveLength(36);
    expect(all[0]![0]).toBe('2021-08');
    expect(all.at(-1)![0]).toBe('2024-07');
    expect(all.reduce((n, r) => n + (r[3] as number), 0)).toBe(6);
  });

  it('plans with EXPLAIN on both placement paths', async () => {
    for (const p of [{ province: '17' }, { office: 'Q1', sector: 'G', occupation: '5', sex: 'F', age: 'youth', channel: 'portal' }]) {
      const { sql, params } = q.build(q.params.parse(p), null);
      await expect(suite.warehouse().run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
    }
  });

  it('refuses unknown and malformed parameters, and ranges over 120 months', async () => {
    await expect(runQuery(suite.warehouse(), q, { by: 'office' })).rejects.toThrow(ParamError);
    await expect(runQuery(suite.warehouse(), q, { to: '24-01' })).rejects.toThrow(/to: expected a month/);
    await expect(runQuery(suite.warehouse(), q, { from: '2000-01', to: '2024-01' })).rejects.toThrow(/at most 120 months/);
  });
});

describe('kpi-trend for a period, sliced from the answer without one', () => {
  it('equals running the query whenever the slice is covered, and declines otherwise', async () => {
    const w = suite.warehouse();
    const base = await runQuery(w, q, { to: '2024-06' });
    // The base ends at 2024-06 and starts 36 months before: any period inside it is a slice.
    for (const p of [{ from: '2024-01', to: '2024-03' }, { from: '2021-07', to: '2024-06' }, { from: '2023-11' }, { from: '2024-06' }]) {
      const sliced = sliceMonths(base, p.from, p.to, 36);
      const want = await runQuery(w, q, { ...p, to: p.to ?? '2024-06' });
      expect(sliced?.values, JSON.stringify(p)).toEqual(want.values);
    }
    expect(sliceMonths(base, '2021-06', '2024-01', 36)).toBeNull();
    expect(sliceMonths(base, undefined, '2024-02', 36)).toBeNull(); // 36 months up to 2024-02 start before the base
    expect(sliceMonths(base, '2024-01', '2024-07', 36)).toBeNull();
  });
});

describe('kpi-trend from the pair cube held in memory', () => {
  it('gives the rows of its SQL, and declines three filters on one fact', async () => {
    const w = suite.warehouse();
    const sets = [{}, { sector: 'G' }, { province: '09', sex: 'M' }, { province: '17', channel: 'portal' }, { age: 'youth' }, { occupation: '5', office: 'Q1' }];
    const periods = [{}, { from: '2024-01', to: '2024-03' }, { from: '2024-01', to: '2024-07' }, { to: '2024-02' }, { from: '2024-05' }, { from: '2030-01', to: '2030-02' }];
    let compared = 0;
    for (const set of sets) {
      for (const period of periods) {
        const f = q.params.parse({ ...set, ...period });
        const fromMemory = await q.compute!(w, f, null);
        const { sql, params } = q.build(f, null);
        const fromSql = await w.columns(sql, params);
        expect(fromMemory, JSON.stringify(f)).not.toBeNull();
        expect(fromMemory, JSON.stringify(f)).toEqual({ names: fromSql.names, types: fromSql.types, values: fromSql.values, rowCount: fromSql.rowCount });
        compared += fromSql.rowCount;
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(await q.compute!(w, q.params.parse({ province: '17', sex: 'F', age: 'youth' }), null)).toBeNull();
  });
});
