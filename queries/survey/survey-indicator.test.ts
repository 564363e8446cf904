import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../warehouse/migrate.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { indicatorById } from './indicators.ts';
import { surveySql } from './survey-sql.ts';
import { surveyIndicator } from './survey-indicator.ts';

let w: Warehouse;
type Person = { period: string; estrato: string; upm: string; fexp: number; condact: number; sex?: number; age?: number; area?: number; province?: string; attends?: boolean; ingrl?: number | null; secemp?: number | null };

async function insert(people: Person[]): Promise<void> {
  await w.run('DELETE FROM survey_person');
  const rows = people.map((p, i) => ({ k: `k${i}`, province: '17', sex: 1, age: 30, area: 1, attends: false, ingrl: null, secemp: null, ...p }));
  const schema = JSON.stringify([{ period: 'VARCHAR', k: 'VARCHAR', area: 'INTEGER', province: 'VARCHAR', sex: 'INTEGER', age: 'INTEGER', condact: 'INTEGER',
    secemp: 'INTEGER', ingrl: 'DOUBLE', attends: 'BOOLEAN', fexp: 'DOUBLE', upm: 'VARCHAR', estrato: 'VARCHAR' }]);
  await w.run(`INSERT INTO survey_person
    SELECT period, k, area, province, sex, age, condact, secemp, NULL, NULL, ingrl, NULL, attends, fexp, upm, estrato, 1, NULL
    FROM (SELECT unnest(from_json(?::JSON, ?), recursive := true))`, [JSON.stringify(rows), schema]);
}

beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
});
afterAll(() => w.close());

const LOOSE = { minN: 1, reliableCv: 0.15, cautionCv: 10 };

describe('survey indicators on a hand-computed sample', () => {
  // Stratum A: PSU a1 (w 10): unemployed, employed; PSU a2 (w 20): employed, inactive.
  // Stratum B: PSU b1 (w 5): unemployed, employed; PSU b2 (w 5): employed, employed.
  const sample: Person[] = [
    { period: '2025-03', estrato: 'A', upm: 'a1', fexp: 10, condact: 7 },
    { period: '2025-03', estrato: 'A', upm: 'a1', fexp: 10, condact: 1 },
    { period: '2025-03', estrato: 'A', upm: 'a2', fexp: 20, condact: 2 },
    { period: '2025-03', estrato: 'A', upm: 'a2', fexp: 20, condact: 9 },
    { period: '2025-03', estrato: 'B', upm: 'b1', fexp: 5, condact: 8 },
    { period: '2025-03', estrato: 'B', upm: 'b1', fexp: 5, condact: 1 },
    { period: '2025-03', estrato: 'B', upm: 'b2', fexp: 5, condact: 4 },
    { period: '2025-03', estrato: 'B', upm: 'b2', fexp: 5, condact: 1 },
  ];
  beforeAll(() => insert(sample));

  it('estimates the unemployment rate and its linearised standard error', async () => {
    // Y = 10 + 5 = 15 unemployed, X = 60 in the labour force: R = 0.25.
    // z (per PSU, /60): a1 = 10(.75) + 10(-.25) = 5, a2 = 20(-.25) = -5, b1 = 3.75 - 1.25 = 2.5, b2 = -2.5.
    // V = 2/1 [ (5/60)^2 + (5/60)^2 ] + 2/1 [ (2.5/60)^2 + (2.5/60)^2 ] = 0.0277778 + 0.0069444 = 0.0347222.
    const [row] = await w.rows<Record<string, number>>(surveySql(indicatorById('unemployment_rate')!, [], LOOSE), { period: null });
    expect(row!.estimate).toBeCloseTo(0.25, 12);
    expect(row!.se).toBeCloseTo(Math.sqrt(0.0347222222), 8);
    expect(row!.cv).toBeCloseTo(Math.sqrt(0.0347222222) / 0.25, 8);
    expect(row!.ci_low).toBe(0);
    expect(row!.n).toBe(7);
    expect(row!.weighted_denominator).toBe(60);
  });

  it('estimates a total with its variance', async () => {
    // Working-age total: 80 (everyone here is 15+). PSU totals a1 20, a2 40 (A: mean 30),
    // b1 10, b2 10 (B: no variance). V = 2 [ (20-30)^2 + (40-30)^2 ] = 400, SE = 20.
    const [row] = await w.rows<Record<string, number>>(surveySql(indicatorById('working_age_population')!, [], LOOSE), { period: null });
    expect(row!.estimate).toBe(80);
    expect(row!.se).toBeCloseTo(20, 10);
  });

  it('hides the figures of cells below the publication thresholds, keeping n and the flag', async () => {
    const a = await runQuery(w, surveyIndicator, { indicator: 'unemployment_rate' });
    const row = Object.fromEntries(a.names.map((n, i) => [n, a.values[i]![0]]));
    expect(row).toMatchObject({ estimate: null, se: null, ci_low: null, n: 7, flag: 'not_published' });
  });

  it('refuses unknown or malformed parameters', async () => {
    await expect(runQuery(w, surveyIndicator, { indicator: 'happiness' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, surveyIndicator, { indicator: 'unemployment_rate', by: 'sex,area,province' })).rejects.toThrow(/at most two/);
    await expect(runQuery(w, surveyIndicator, { indicator: 'unemployment_rate', by: 'religion' })).rejects.toThrow(/one of/);
    await expect(runQuery(w, surveyIndicator, { indicator: 'unemployment_rate', periodo: '2025-03' })).rejects.toThrow(ParamError);
  });
});

/** A seeded generator of a stratified cluster sample. */
function generateSample(seed: number): Person[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const people: Person[] = [];
  for (let h = 0; h < 20; h++) {
    for (let i = 0; i < 6; i++) {
      const psuRisk = 0.03 + 0.12 * rnd();
      const weight = 50 + 200 * rnd();
      for (let k = 0; k < 25; k++) {
        const lf = rnd() < 0.7;
        people.push({
          period: '2025-06', estrato: `E${h}`, upm: `E${h}-${i}`, fexp: weight * (0.8 + 0.4 * rnd()),
          condact: lf ? (rnd() < psuRisk ? 7 : 1 + Math.floor(rnd() * 6)) : 9, sex: rnd() < 0.5 ? 1 : 2, age: 15 + Math.floor(rnd() * 50),
          province: h < 10 ? '09' : '17', ingrl: lf ? Math.round(200 + 800 * rnd()) : null, area: 1,
        });
      }
    }
  }
  return people;
}

/** Point estimate and delete-one-PSU jackknife (JKn) variance of a ratio, computed naively in JS. */
function jackknife(people: Person[], inX: (p: Person) => boolean, inY: (p: Person) => boolean) {
  const ratio = (weightOf: (p: Person) => number) => {
    let y = 0;
    let x = 0;
    for (const p of people) {
      const w = weightOf(p);
      if (inX(p)) x += w;
      if (inX(p) && inY(p)) y += w;
    }
    return y / x;
  };
  const r = ratio((p) => p.fexp);
  const strata = new Map<string, Set<string>>();
  for (const p of people) (strata.get(p.estrato) ?? strata.set(p.estrato, new Set()).get(p.estrato)!).add(p.upm);
  let v = 0;
  for (const [h, psus] of strata) {
    const nh = psus.size;
    for (const dropped of psus) {
      const rh = ratio((p) => (p.estrato !== h ? p.fexp : p.upm === dropped ? 0 : (p.fexp * nh) / (nh - 1)));
      v += ((nh - 1) / nh) * (rh - r) ** 2;
    }
  }
  return { r, se: Math.sqrt(v) };
}

describe('survey indicators against naive computations on a generated sample', () => {
  const people = generateSample(42);
  beforeAll(() => insert(people));

  it('matches weighted sums and a PSU jackknife, nationally and for a domain', async () => {
    const lf = (p: Person) => p.condact >= 1 && p.condact <= 8;
    const unemployed = (p: Person) => p.condact >= 7;
    const national = jackknife(people, lf, unemployed);
    const [row] = await w.rows<Record<string, number>>(surveySql(indicatorById('unemployment_rate')!, [], LOOSE), { period: '2025-06' });
    expect(row!.estimate).toBeCloseTo(national.r, 10);
    expect(Math.abs(row!.se! / national.se - 1)).toBeLessThan(0.1);

    const women = jackknife(people, (p) => lf(p) && p.sex === 2, unemployed);
    const bySex = await w.rows<Record<string, number | string>>(surveySql(indicatorById('unemployment_rate')!, ['sex'], LOOSE), { period: '2025-06' });
    const f = bySex.find((r) => r.sex === 'F')!;
    expect(f.estimate as number).toBeCloseTo(women.r, 10);
    expect(Math.abs((f.se as number) / women.se - 1)).toBeLessThan(0.1);

    const guayas = jackknife(people, (p) => lf(p) && p.province === '09', unemployed);
    const byProvince = await w.rows<Record<string, number | string>>(surveySql(indicatorById('unemployment_rate')!, ['province'], LOOSE), { period: '2025-06' });
    const g = byProvince.find((r) => r.province_code === '09')!;
    expect(g.estimate as number).toBeCloseTo(guayas.r, 10);
    expect(Math.abs((g.se as number) / guayas.se - 1)).toBeLessThan(0.1);
  });

  it('computes the weighted median income with a Woodruff interval around it', async () => {
    const earners = people.filter((p) => p.condact >= 1 && p.condact <= 6 && p.ingrl !== null).sort((a, b) => a.ingrl! - b.ingrl!);
    const total = earners.reduce((n, p) => n + p.fexp, 0);
    let cum = 0;
    const median = earners.find((p) => (cum += p.fexp) / total >= 0.5)!.ingrl;
    const [row] = await w.rows<Record<string, number>>(surveySql(indicatorById('median_labour_income')!, [], LOOSE), { period: '2025-06' });
    expect(row!.estimate).toBe(median);
    expect(median).toBeDefined();
    expect(row!.ci_low).toBeLessThanOrEqual(median!);
    expect(row!.ci_high).toBeGreaterThanOrEqual(median!);
    expect(row!.se).toBeGreaterThan(0);
    expect(row!.flag).toBe('reliable');
  });
});
