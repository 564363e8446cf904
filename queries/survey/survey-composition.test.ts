import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../warehouse/migrate.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { surveyComposition } from './survey-composition.ts';
import { surveyCompositionSql } from './survey-sql.ts';

let w: Warehouse;
const LOOSE = { minN: 1, reliableCv: 0.15, cautionCv: 10 };

/** (period, stratum, PSU, weight, rama1, sex, secemp, p42); everyone employed (condact 1), aged 20. */
type Row = [string, string, string, number, number | null, number, number | null, number?];
async function insert(rows: Row[]): Promise<void> {
  await w.run('DELETE FROM survey_person');
  for (const [i, [period, estrato, upm, fexp, rama1, sex, secemp, p42]] of rows.entries()) {
    await w.run(`INSERT INTO survey_person VALUES (?, ?, 1, '17', ?, 20, 1, ?, ?, NULL, 500, NULL, false, ?, ?, ?, 1, ?)`,
      [period, `k${i}`, sex, secemp, rama1, fexp, upm, estrato, p42 ?? null]);
  }
}

beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
});
afterAll(() => w.close());

describe('survey composition on a hand-computed sample', () => {
  // Stratum A: a1 = {10: G, 10: C}, a2 = {20: G}; stratum B: b1 = {5: C, 5: G}, b2 = {5: A}.
  const sample: Row[] = [
    ['2025-03', 'A', 'a1', 10, 7, 1, 1], ['2025-03', 'A', 'a1', 10, 3, 2, 2], ['2025-03', 'A', 'a2', 20, 7, 2, 1],
    ['2025-03', 'B', 'b1', 5, 3, 1, 2], ['2025-03', 'B', 'b1', 5, 7, 2, 1], ['2025-03', 'B', 'b2', 5, 1, 1, 3],
  ];
  beforeAll(() => insert(sample));

  it('estimates each sector\'s share with its linearised standard error', async () => {
    const rows = await w.rows<Record<string, number | string>>(surveyCompositionSql('true', 'sector', [], LOOSE), { period: null });
    const share = Object.fromEntries(rows.map((r) => [r.sector, r]));
    // X = 55; G: Y = 35, R = 7/11.
    expect(share.G!.estimate).toBeCloseTo(7 / 11, 12);
    expect(share.C!.estimate).toBeCloseTo(15 / 55, 12);
    expect(share.A!.estimate).toBeCloseTo(5 / 55, 12);
    // z (x 55) for G: a1 = 10 - 20R = -30/11, a2 = 20 - 20R = 80/11 (mean 25/11, deviations ±5);
    // b1 = 5 - 10R = -15/11, b2 = -5R = -35/11 (mean -25/11, deviations ±10/11).
    // V = [2 (25 + 25) + 2 (100/121 + 100/121)] / 55² = 12500 / 366025.
    expect(share.G!.se).toBeCloseTo(Math.sqrt(12500 / 366025), 12);
    expect(rows.reduce((s, r) => s + (r.estimate as number), 0)).toBeCloseTo(1, 12);
    expect(rows.every((r) => r.n === 6)).toBe(true);
  });

  it('puts persons without a category in "unknown", so the shares still add up to 1', async () => {
    await insert([...sample, ['2025-03', 'B', 'b2', 5, null, 2, null]]);
    const rows = await w.rows<Record<string, number | string>>(surveyCompositionSql('true', 'sector', [], LOOSE), { period: null });
    expect(rows.map((r) => r.sector).sort()).toEqual(['A', 'C', 'G', 'unknown']);
    expect(rows.find((r) => r.sector === 'unknown')!.estimate).toBeCloseTo(5 / 60, 12);
    expect(rows.reduce((s, r) => s + (r.estimate as number), 0)).toBeCloseTo(1, 12);
    await insert(sample);
  });

  it('breaks the composition down by sex, each sex a domain whose shares add up to 1', async () => {
    const rows = await w.rows<Record<string, number | string>>(surveyCompositionSql('true', 'employment_type', ['sex'], LOOSE), { period: null });
    const women = rows.filter((r) => r.sex === 'F');
    // Women: 10 (informal, a1), 20 (formal, a2), 5 (formal, b1): formal 25/35.
    expect(women.find((r) => r.employment_type === 'formal')!.estimate).toBeCloseTo(25 / 35, 12);
    expect(women.reduce((s, r) => s + (r.estimate as number), 0)).toBeCloseTo(1, 12);
    expect(rows.filter((r) => r.sex === 'M').reduce((s, r) => s + (r.estimate as number), 0)).toBeCloseTo(1, 12);
  });

  it('composes by category of occupation, the three unpaid codes as one category', async () => {
    // a1: 10 government (1), 10 unpaid family (7); a2: 20 private (2); b1: 5 unpaid helper (9), 5 private; b2: 5 domestic (10).
    await insert(sample.map((r, i): Row => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], [1, 7, 2, 9, 2, 10][i]]));
    const rows = await w.rows<Record<string, number | string>>(surveyCompositionSql('true', 'employment_status', [], LOOSE), { period: null });
    const share = Object.fromEntries(rows.map((r) => [r.employment_status, r.estimate as number]));
    expect(Object.keys(share).sort()).toEqual(['domestic', 'government', 'private', 'unpaid']);
    for (const [k, v] of Object.entries({ government: 10 / 55, unpaid: 15 / 55, private: 25 / 55, domestic: 5 / 55 })) expect(share[k]).toBeCloseTo(v, 12);
    await insert(sample);
  });

  it('runs through the catalogue with its default population and refuses unknown parameters', async () => {
    const a = await runQuery(w, surveyComposition, { of: 'occupation' });
    expect(a.names).toContain('occupation');
    await expect(runQuery(w, surveyComposition, { of: 'salary' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, surveyComposition, { of: 'sector', rama: '1' })).rejects.toThrow(ParamError);
  });
});
