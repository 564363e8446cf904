import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from './market-fixtures.ts';
import { targetSectors as q } from './target-sectors.ts';

let w: Warehouse;

/** Vacancies as (year, canton, sector, count); all closed at once except those of OPEN. */
const VACANCIES: [number, string, string, number][] = [
  [2023, '1701', 'C', 1], [2023, '1701', 'G', 2], [2023, '0901', 'C', 2], [2023, '0901', 'G', 2], [2023, '0901', 'A', 1],
  [2024, '1701', 'C', 3], [2024, '1701', 'G', 1], [2024, '1701', 'A', 1], [2024, '0901', 'C', 1], [2024, '0901', 'G', 3], [2024, '0901', 'A', 1],
];

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  let n = 0;
  for (const [year, canton, sector, count] of VACANCIES) {
    for (let i = 0; i < count; i++) {
      n++;
      await r.vacancy(`V${n}`, { posted: `${year}-${String(1 + (n % 11)).padStart(2, '0')}-10`, closed: `${year}-12-20`, sector, canton });
    }
  }
  // Open at 2024-12-31: 2 positions in C and 1 in G (these are also 2024 vacancies of 1701: C 3 = 2 closed + OC; G 1 = OG).
  // So that the 2024 counts above stay the same, OC and OG replace one closed vacancy each.
  await w.run("DELETE FROM vacancy WHERE vacancy_id IN ('V11', 'V12')");
  await r.vacancy('OC', { posted: '2024-11-10', sector: 'C', canton: '1701', positions: 2 });
  await r.vacancy('OG', { posted: '2024-12-10', sector: 'G', canton: '1701' });
  const aVacancy = 'V13';
  for (const [seeker, vacancy] of [['S1', 'OC'], ['S2', 'OG'], ['S3', 'OG'], ['S4', aVacancy]] as const) {
    await r.seeker(seeker, { registered: '2023-06-01', canton: '1701' });
    await r.referral(`R${seeker}`, { seeker, vacancy, on: '2024-12-12' });
  }
  await r.placement('P1', { placed: '2024-05-01', sector: 'C', canton: '1701', age: '18-24' });
  await r.placement('P2', { placed: '2024-06-01', sector: 'C', canton: '1701', age: '30-44' });
  await r.placement('P3', { placed: '2024-07-01', sector: 'G', canton: '1701', age: '25-29' });
  await r.placement('P4', { placed: '2024-07-01', sector: 'A', canton: '0901', age: '18-24' }); // elsewhere
  await rebuildAggregates(w);
});
afterAll(() => w.close());

/** A weight as the page sends it: 0 to 1 with two decimals, or a whole number up to 3. */
const weightArb = fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => String(n / 100)), fc.integer({ min: 0, max: 3 }).map(String));
const run = async (params: Record<string, string>) => asRows(await runQuery(w, q, params)) as Record<string, number | string | null>[];

describe('target-sectors', () => {
  it('checks the fixture: vacancies per sector as designed', async () => {
    const rows = await w.rows<{ y: string; p: string; s: string; n: number }>(
      "SELECT year(posted_on)::VARCHAR y, province_code p, sector_code s, count(*)::INTEGER n FROM vacancy GROUP BY ALL ORDER BY ALL");
    expect(rows.map((x) => [Number(x.y), x.p === '17' ? '1701' : '0901', x.s, x.n]).sort()).toEqual([...VACANCIES].sort());
  });

  it('ranks sectors with hand-computed components, contributions and reasons', async () => {
    const rows = await run({ territory: '17', from: '2024-01', to: '2024-12' });
    expect(rows.map((x) => x.sector_code)).toEqual(['C', 'A', 'G']);
    const [c, a, g] = rows as [Record<string, number>, Record<string, number>, Record<string, number>];
    expect(c).toMatchObject({ rank: 1, vacancies: 3, vacancies_year_before: 1, open_positions: 2, active_seekers: 1, placements: 2, youth_share: 0.5 });
    expect(c.lq_vacancies).toBeCloseTo(1.5, 12);
    expect(g.lq_vacancies).toBeCloseTo(0.5, 12);
    expect(a.lq_vacancies).toBeCloseTo(1, 12);
    expect(c.competitive_effect).toBeCloseTo(3 - 4 / 3, 12);
    expect(g.competitive_effect).toBeCloseTo(-1, 12);
    expect(a.competitive_effect).toBe(1);
    const close = (xs: (number | undefined)[], ys: number[]) => xs.forEach((x, i) => expect(x).toBeCloseTo(ys[i]!, 12));
    close([c.tightness_share, g.tightness_share, a.tightness_share], [2 / 3, 1 / 3, 0]);
    close([c.lq_norm, a.lq_norm, g.lq_norm], [1, 0.5, 0]);
    expect(a.growth_norm).toBeCloseTo(0.75, 12);
    close([c.tightness_norm, g.tightness_norm, a.tightness_norm], [1, 0.5, 0]);
    expect([c.youth_norm, g.youth_norm, a.youth_norm, a.youth_share]).toEqual([0, 1, 0, null]);
    expect(c.score).toBeCloseTo(0.85, 12);
    expect(a.score).toBeCloseTo(0.35 * 0.5 + 0.3 * 0.75, 12);
    expect(g.score).toBeCloseTo(0.2 * 0.5 + 0.15, 12);
    expect(c.reasons).toBe('specialised,growing_faster_than_nation,sector_growing_nationally,short_of_candidates,hires_young_people');
    expect(a.reasons).toBe('new_in_territory,sector_growing_nationally,seekers_without_vacancies');
    expect(g.reasons).toBe('growing_slower_than_nation,hires_young_people');
  });

  it('the score is the sum of the contributions, and weights are parameters', async () => {
    const weightSets: Record<string, string>[] = [{}, { w_lq: '1', w_growth: '0', w_tightness: '0', w_youth: '0' }, { w_lq: '0.1', w_growth: '2.5', w_tightness: '0', w_youth: '7' }];
    for (const params of weightSets) {
      const rows = await run({ territory: '17', from: '2024-01', to: '2024-12', ...params });
      for (const x of rows as { score: number; lq_contribution: number; growth_contribution: number; tightness_contribution: number; youth_contribution: number; lq_norm: number }[]) {
        expect(Math.abs(x.score - (x.lq_contribution + x.growth_contribution + x.tightness_contribution + x.youth_contribution))).toBeLessThan(1e-12);
        expect(x.lq_contribution).toBeCloseTo(Number(params.w_lq ?? 0.35) * x.lq_norm, 12);
      }
    }
    const onlyLq = await run({ territory: '17', from: '2024-01', to: '2024-12', w_lq: '1', w_growth: '0', w_tightness: '0', w_youth: '0' });
    expect(onlyLq.map((x) => x.sector_code)).toEqual(['C', 'A', 'G']);
    [1, 0.5, 0].forEach((s, i) => expect(onlyLq[i]!.score).toBeCloseTo(s, 12));
  });

  it('re-ranks under new weights from the default answer exactly as the query does (ties to the sector code)', async () => {
    const base = { territory: '17', from: '2024-01', to: '2024-12' };
    const defaults = await runQuery(w, q, { ...base, w_lq: '0.35', w_growth: '0.3', w_tightness: '0.2', w_youth: '0.15' });
    const sets = [{ w_lq: '0', w_growth: '0', w_tightness: '0', w_youth: '0' }, { w_lq: '1', w_growth: '0', w_tightness: '0', w_youth: '0' },
      ...fc.sample(fc.record({ w_lq: weightArb, w_growth: weightArb, w_tightness: weightArb, w_youth: weightArb }), { numRuns: 40, seed: 5 })];
    for (const weights of sets) {
      const params = q.params.parse({ ...base, ...weights });
      expect(q.reuse!.base(params)).toEqual(q.params.parse({ ...base, w_lq: '0.35', w_growth: '0.3', w_tightness: '0.2', w_youth: '0.15' }));
      const derived = q.reuse!.derive(defaults, params);
      expect(derived?.values).toEqual((await runQuery(w, q, { ...base, ...weights })).values);
    }
  });

  it('without a period end, reads the seeker stock kept at the end of the data: the answer computed for the latest month', async () => {
    for (const territory of ['17', '1701', '09']) {
      expect((await runQuery(w, q, { territory })).values).toEqual((await runQuery(w, q, { territory, to: '2024-12' })).values);
    }
    expect((await run({ territory: '17' })).map((x) => [x.sector_code, x.active_seekers])).toEqual([['C', 1], ['A', 1], ['G', 2]]);
  });

  it('defaults to the latest 12 months, plans with EXPLAIN, refuses malformed weights', async () => {
    expect((await run({ territory: '17' })).map((x) => x.sector_code)).toEqual(['C', 'A', 'G']);
    const { sql, params } = q.build(q.params.parse(q.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
    await expect(runQuery(w, q, { territory: '17', w_lq: '-1' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: '17', w_lq: '1e3' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: '17', w_lq: '101' })).rejects.toThrow(/at most 100/);
    await expect(runQuery(w, q, { territory: '17', w_other: '1' })).rejects.toThrow(ParamError);
  });
});
