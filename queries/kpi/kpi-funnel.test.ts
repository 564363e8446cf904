import { describe, expect, it } from 'vitest';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { kpiSuite } from './kpi-suite.ts';
import { cubeAnswers, funnelFromCube, funnelFromFacts, kpiFunnel as q } from './kpi-funnel.ts';

/** Rows as [group, registered, referred, interviewed, placed, retained_3m, retained_6m, placement_rate]. */
const suite = kpiSuite(q);
const rows = suite.rows;
const P = { from: '2024-01', to: '2024-03' };

// Cohort 2024-01..03: P1 (S1, again as S5; Q1, F, 18-24), P2 (S2; Q1, M, 30-44), P3 (S3; G1, F, 25-29, disability).
// P1: R1 interviewed, placed C1, still employed at 3 and 6 months. P2: R2 interviewed, placed C2, gone at 3 months.
// P3: R3 and R6 not interviewed, placed C4 in April, employed at 3 months, no 6-month check yet.
describe('kpi-funnel on the hand-made fixture', () => {
  it('follows each person of the cohort once, hand-checked', async () => {
    expect(await rows(P)).toEqual([['total', 3, 3, 2, 3, 2, 1, 1]]);
    expect(await rows({ ...P, by: 'sex' })).toEqual([
      ['F', 2, 2, 1, 2, 2, 1, 1],
      ['M', 1, 1, 1, 1, 0, 0, 1],
    ]);
    expect(await rows({ ...P, by: 'office' })).toEqual([
      ['G1', 1, 1, 0, 1, 1, 0, 1],
      ['Q1', 2, 2, 2, 2, 1, 1, 1],
    ]);
    expect(await rows({ ...P, by: 'disability' })).toEqual([
      ['no', 2, 2, 2, 2, 1, 1, 1],
      ['yes', 1, 1, 0, 1, 1, 0, 1],
    ]);
    expect(await rows({ ...P, by: 'age_band' })).toEqual([
      ['18-24', 1, 1, 1, 1, 1, 1, 1],
      ['25-29', 1, 1, 0, 1, 1, 0, 1],
      ['30-44', 1, 1, 1, 1, 0, 0, 1],
    ]);
  });

  it('widens the cohort with the period and narrows it with the seeker filters', async () => {
    // + P4 (R4 interviewed, C3 without a 3-month check) and P8 (placed by C5 without a referral).
    expect(await rows({ from: '2023-06', to: '2024-03' })).toEqual([['total', 5, 4, 3, 5, 2, 1, 1]]);
    expect(await rows({ ...P, province: '17', age: 'youth' })).toEqual([['total', 1, 1, 1, 1, 1, 1, 1]]); // P1
    expect(await rows({ from: '2024-04', to: '2024-04' })).toEqual([['total', 1, 0, 0, 0, 0, 0, 0]]); // P7, nothing yet
    expect(await rows({ ...P, office: 'Q2' })).toEqual([]);
  });

  it('plans with EXPLAIN', async () => {
    const { sql, params } = q.build(q.params.parse({ ...P, by: 'office', province: '17', office: 'Q1', sex: 'F', age: '18-24' }), null);
    await expect(suite.warehouse().run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
  });

  it('refuses unknown and malformed parameters', async () => {
    await expect(runQuery(suite.warehouse(), q, { by: 'province; DROP TABLE seeker' })).rejects.toThrow(ParamError);
    await expect(runQuery(suite.warehouse(), q, { by: 'channel' })).rejects.toThrow(/by/);
    await expect(runQuery(suite.warehouse(), q, { grupo: 'sex' })).rejects.toThrow(ParamError);
    await expect(runQuery(suite.warehouse(), q, { province: '25' })).rejects.toThrow(/province/);
  });
});

describe('kpi-funnel from the funnel cube', () => {
  const months = ['2022-05', '2023-06', '2023-09', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-08'];
  it('equals the funnel computed from the records, for every period and grouping', async () => {
    const w = suite.warehouse();
    let compared = 0;
    for (const [i, from] of months.entries()) {
      for (const to of months.slice(i)) {
        for (const by of ['none', 'office', 'sex', 'age_band', 'disability'] as const) {
          const cube = funnelFromCube({ from, to }, by);
          const facts = funnelFromFacts({ from, to }, by);
          const [a, b] = [await w.columns(cube.sql, cube.params), await w.columns(facts.sql, facts.params)];
          expect(a.types, `${from}..${to} by ${by}`).toEqual(b.types);
          expect(a.values, `${from}..${to} by ${by}`).toEqual(b.values);
          compared += b.rowCount;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('answers without a person or place filter, and leaves those to the records', () => {
    expect(cubeAnswers({ from: '2024-01', sector: 'G', channel: 'portal' })).toBe(true);
    for (const f of [{ province: '17' }, { office: 'Q1' }, { sex: 'F' as const }, { age: 'youth' as const }]) expect(cubeAnswers(f), JSON.stringify(f)).toBe(false);
  });
});
