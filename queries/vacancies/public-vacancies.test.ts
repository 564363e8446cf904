import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWarehouse } from '../../warehouse/publish.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { CATALOGUE } from '../catalogue/catalogue.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { filterAnswer } from '../catalogue/warm-up.ts';
import { publicVacancies } from './public-vacancies.ts';
import { insertVacancies, modelColumns, vacanciesArb, type TestVacancy } from './vacancy-fixtures.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

const rowsOf = async (warehouse: Warehouse, params: Record<string, string>) => {
  const a = await runQuery(warehouse, publicVacancies, params);
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])));
};
const v = (firm: string, sector: string, province: string, month: string, positions: number): TestVacancy => ({ firm, sector, province, month, positions });
const year = { from: '2025-01', to: '2025-12' };

describe('public-vacancies', () => {
  it('answers positions by sector and province with margins, hand-checked, hiding one-firm cells and the cheapest cycle around them', async () => {
    await insertVacancies(w, [
      v('F1', 'A', '09', '2025-03', 40), v('F2', 'A', '09', '2025-04', 30), v('F3', 'A', '09', '2025-05', 30), v('F4', 'A', '17', '2025-06', 5),
      v('F5', 'C', '09', '2025-02', 20), v('F6', 'C', '09', '2025-02', 20), v('F7', 'C', '09', '2025-08', 20),
      v('F5', 'C', '17', '2025-09', 10), v('F6', 'C', '17', '2025-09', 10), v('F7', 'C', '17', '2025-10', 10), v('F8', 'C', '17', '2025-11', 10),
      v('F1', 'A', '09', '2024-05', 999), v('F9', 'G', '17', '2025-12', 0),
    ]);
    // A-17 has one firm. Closing a cycle through it: C-17 (40) + C-09 (60) + A-09 (100) = 200 is
    // cheaper than through the totals (A-* 105 + C-* 100 + C-17 40 = 245, or via */17 and */09).
    const row = (sector: string, province: string, positions: number | null, suppression: string | null) => ({ year: 2025, sector, province, positions, suppression });
    expect(await rowsOf(w, year)).toEqual([
      row('A', '09', null, 'complementary'), row('A', '17', null, 'few_firms'), row('A', '*', 105, null),
      row('C', '09', null, 'complementary'), row('C', '17', null, 'complementary'), row('C', '*', 100, null),
      row('*', '09', 160, null), row('*', '17', 45, null), row('*', '*', 205, null),
    ]);
    expect(await rowsOf(w, { ...year, province: '17' })).toEqual([row('A', '17', null, 'few_firms'), row('C', '17', null, 'complementary'), row('*', '17', 45, null)]);
    expect(await rowsOf(w, { ...year, sector: 'C' })).toEqual([row('C', '09', null, 'complementary'), row('C', '17', null, 'complementary'), row('C', '*', 100, null)]);
    expect(await rowsOf(w, { ...year, sector: 'A', province: '09' })).toEqual([row('A', '09', null, 'complementary')]);
    expect(await rowsOf(w, { from: '2023-01', to: '2023-12' })).toEqual([]);
  });

  it('hides a dominated province total and protects it through the other province', async () => {
    await insertVacancies(w, [
      v('F1', 'A', '01', '2025-01', 80), v('F2', 'A', '01', '2025-01', 10), v('F3', 'A', '01', '2025-01', 5), v('F4', 'A', '01', '2025-01', 5),
      v('F5', 'A', '09', '2025-01', 30), v('F6', 'A', '09', '2025-01', 30), v('F7', 'A', '09', '2025-01', 30), v('F8', 'A', '09', '2025-01', 10),
    ]);
    expect((await rowsOf(w, year)).map((r) => `${r.sector}/${r.province}=${r.positions ?? r.suppression}`)).toEqual([
      'A/01=dominant_firm', 'A/09=complementary', 'A/*=200', '*/01=dominant_firm', '*/09=complementary', '*/*=200',
    ]);
  });

  it('refuses unknown parameters, malformed ones and periods other than a whole calendar year', async () => {
    for (const bad of [{ ...year, year: '2025' }, { from: '2025-01' }, { ...year, sector: 'Z' }, { ...year, sector: "A' OR 1=1 --" }, { ...year, province: '99' }, { from: '2025-01', to: '2025-06' }, { from: '2025-04', to: '2025-12' }, { from: '2024-01', to: '2025-12' }, { from: '2025-1', to: '2025-12' }]) {
      await expect(runQuery(w, publicVacancies, bad), JSON.stringify(bad)).rejects.toThrow(ParamError);
    }
  });

  it('plans its SQL with bound values, is in the catalogue and publishes no decision column', async () => {
    expect(CATALOGUE).toContain(publicVacancies);
    const { sql, params } = publicVacancies.build(publicVacancies.params.parse({ ...year, province: '17', sector: 'C' }), null);
    expect(sql).not.toContain('17');
    await w.run(`EXPLAIN ${sql}`, params);
    const answer = await runQuery(w, publicVacancies, year);
    expect(answer.names).toEqual(publicVacancies.columns.map((c) => c.name));
    expect(answer.names).not.toContain('firms');
    expect(answer.names).not.toContain('max_firm_positions');
  });

  it('computes in SQL exactly what a plain loop over the vacancies computes (random data sets, every filter)', async () => {
    for (const rows of fc.sample(vacanciesArb, { numRuns: 12, seed: 3 })) {
      await insertVacancies(w, rows);
      for (const y of ['2023', '2024']) {
        for (const province of [undefined, '09']) {
          for (const sector of [undefined, 'C']) {
            const f = { from: `${y}-01`, to: `${y}-12`, ...(province ? { province } : {}), ...(sector ? { sector } : {}) };
            const { sql, params } = publicVacancies.build(publicVacancies.params.parse(f), null);
            const raw = await w.columns(sql, params);
            const model = modelColumns(rows, f);
            const asRows = (c: typeof raw) => Array.from({ length: c.rowCount }, (_, r) => c.values.map((col) => col[r]).join('|')).sort();
            expect(raw.names).toEqual(model.names);
            expect(asRows(raw)).toEqual(asRows(model));
            expect(publicVacancies.protect!(raw)).toEqual(publicVacancies.protect!(model));
          }
        }
      }
    }
  }, 30_000);

  it('answers a filtered year with exactly the rows of the whole year\'s answer (so a warm-up may slice it)', async () => {
    for (const rows of fc.sample(vacanciesArb, { numRuns: 8, seed: 11 })) {
      await insertVacancies(w, rows);
      for (const y of ['2023', '2024']) {
        const whole = await runQuery(w, publicVacancies, { from: `${y}-01`, to: `${y}-12` });
        const split = [...publicVacancies.warm!.splitBy as readonly { param: string; column: string }[]];
        for (const { param, column } of split) {
          for (const value of new Set(whole.values[whole.names.indexOf(column)]!.filter((v) => v !== '*'))) {
            const filtered = await runQuery(w, publicVacancies, { from: `${y}-01`, to: `${y}-12`, [param]: String(value) });
            expect(filterAnswer(whole, column, value).values).toEqual(filtered.values);
          }
        }
      }
    }
  }, 30_000);
});

describe('public-vacancies across threads', () => {
  it('takes the same suppression decisions with one DuckDB thread and with two', async () => {
    let seed = 17;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const sectors = 'ABCDEFGHIJKLMNOPQRSTU';
    const firms = Array.from({ length: 1500 }, (_, i) => ({ id: `F${i}`, sector: sectors[Math.floor(rnd() ** 2 * sectors.length)]! }));
    const rows: TestVacancy[] = Array.from({ length: 40_000 }, () => {
      const firm = firms[Math.floor(rnd() ** 3 * firms.length)]!;
      return v(firm.id, firm.sector, String(1 + Math.floor(rnd() ** 2 * 24)).padStart(2, '0'), `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`, rnd() < 0.05 ? 50 + Math.floor(rnd() * 400) : 1 + Math.floor(rnd() * 4));
    });
    const answers = [];
    for (const threads of [1, 2]) {
      const wt = await Warehouse.open({ path: ':memory:', access: 'write', threads });
      try {
        await prepareWarehouse(wt);
        await insertVacancies(wt, rows);
        answers.push([await runQuery(wt, publicVacancies, year), await runQuery(wt, publicVacancies, { ...year, province: '01' })].map((a) => a.values));
      } finally {
        wt.close();
      }
    }
    expect(answers[1]).toEqual(answers[0]);
    const reasons = answers[0]![0]![4] as (string | null)[];
    for (const r of ['few_firms', 'dominant_firm', 'complementary', null]) expect(reasons).toContain(r);
  }, 30_000);
});
