import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, parseParams, runQuery } from '../catalogue/run-query.ts';
import { primaryFirmReason, TOTAL } from '../disclosure/firm-cells.ts';
import { LinearAttacker } from '../disclosure/linear-attacker.ts';
import { publicVacancies } from './public-vacancies.ts';
import { atomsOf, filterArb, insertVacancies, modelColumns, TEST_PROVINCES, TEST_SECTORS, TEST_YEARS, truthOf, vacanciesArb, type TestVacancy, type VacancyFilter } from './vacancy-fixtures.ts';

/*
 * What the attacker covers: every figure any answer publishes is a sum of atoms (positions of one
 * month, sector and province). The attacker keeps every published figure of every query it has
 * issued for the data set (all filter combinations it drew, plus the unfiltered answer of every
 * year) and may add and subtract them in any combination: a line's total minus its published
 * cells, an all-province answer minus the other provinces, a sector total minus known cells, one
 * period minus an overlapping one, and any chain of these. A hidden figure is recovered exactly
 * when its atoms lie in the span of the published ones (LinearAttacker, exact over a prime field,
 * erring only towards "recovered"). What it does not cover: bounds from non-negativity or
 * integrality (every hidden cell is positive, so cycles give it an interval, but a narrow one is
 * not ruled out), a firm's knowledge of its own contribution (the dominance rule limits, but does
 * not measure, what a competitor learns), and answers saved before and after a later load of the
 * same year (release differencing).
 */

/** One published or hidden row of an answer. */
interface Row {
  year: number;
  sector: string;
  province: string;
  positions: number | null;
  suppression: string | null;
}
const rowsOf = (a: Columns): Row[] => Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])) as unknown as Row);

/** Checks one answer against the data and feeds it to the attacker; returns the atoms of its hidden cells. */
function observe(rows: readonly TestVacancy[], f: VacancyFilter, answer: Row[], attacker: LinearAttacker): string[][] {
  const hidden: string[][] = [];
  for (const r of answer) {
    expect(f.sector === undefined || r.sector === f.sector).toBe(true);
    expect(f.province === undefined || r.province === f.province).toBe(true);
    const truth = truthOf(rows, f.from, f.to, r.sector, r.province);
    const primary = primaryFirmReason(truth);
    // (a) every sensitive cell is hidden, with its reason; the others are hidden only as complements.
    if (primary) expect(r.suppression).toBe(primary);
    expect(r.positions === null).toBe(r.suppression !== null);
    const atoms = atomsOf(rows, f.from, f.to, r.sector, r.province);
    if (r.positions === null) hidden.push(atoms);
    else {
      expect(r.positions).toBe(truth.value);
      attacker.learn(atoms);
    }
  }
  return hidden;
}

const whole = (y: string): VacancyFilter => ({ from: `${y}-01`, to: `${y}-12` });

describe('public-vacancies against a differencing attacker', () => {
  it('over 12,000 random public filter combinations (at least 10,000 of them valid and answered), hides every sensitive cell and lets no combination of answers recover one', () => {
    let answered = 0;
    let hiddenSeen = 0;
    let publishedSeen = 0;
    fc.assert(fc.property(vacanciesArb, fc.array(filterArb, { minLength: 40, maxLength: 40 }), (rows, filters) => {
      const attacker = new LinearAttacker();
      const hidden: string[][] = [];
      const ask = (f: VacancyFilter) => {
        const answer = rowsOf(publicVacancies.protect!(modelColumns(rows, f)));
        publishedSeen += answer.filter((r) => r.positions !== null).length;
        hidden.push(...observe(rows, f, answer, attacker));
      };
      for (const raw of filters) {
        const wholeYear = raw.from!.endsWith('-01') && raw.to === `${raw.from!.slice(0, 4)}-12`;
        let f: VacancyFilter;
        try {
          f = parseParams(publicVacancies, raw) as VacancyFilter;
        } catch (error) {
          expect(error).toBeInstanceOf(ParamError);
          expect(wholeYear).toBe(false);
          continue;
        }
        expect(wholeYear).toBe(true);
        answered++;
        ask(f);
      }
      for (const y of TEST_YEARS) ask(whole(y));
      // (b) no hidden figure is a combination of published ones.
      hiddenSeen += hidden.length;
      for (const atoms of hidden) expect(attacker.canDerive(atoms)).toBe(false);
    }), { numRuns: 300, seed: 21 });
    expect(answered).toBeGreaterThanOrEqual(10_000);
    // The data sets are varied enough that both outcomes are frequent.
    expect(hiddenSeen).toBeGreaterThan(5_000);
    expect(publishedSeen).toBeGreaterThan(5_000);
  }, 60_000);

  it('has teeth: publishing the complementary cells would give sensitive cells away', () => {
    let recovered = 0;
    for (const rows of fc.sample(vacanciesArb, { numRuns: 200, seed: 8 })) {
      const attacker = new LinearAttacker();
      const sensitive: string[][] = [];
      for (const y of TEST_YEARS) {
        for (const r of rowsOf(publicVacancies.protect!(modelColumns(rows, whole(y))))) {
          const atoms = atomsOf(rows, `${y}-01`, `${y}-12`, r.sector, r.province);
          if (r.suppression === 'few_firms' || r.suppression === 'dominant_firm') sensitive.push(atoms);
          else attacker.learn(atoms);
        }
      }
      recovered += sensitive.filter((a) => attacker.canDerive(a)).length;
    }
    expect(recovered).toBeGreaterThan(50);
  });

  it('would leak if free month ranges were public: [a, c] minus [a, b] recovers hidden cells, which is why periods are whole years', () => {
    let recovered = 0;
    const months = Array.from({ length: 24 }, (_, k) => `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
    for (const rows of fc.sample(vacanciesArb, { numRuns: 60, seed: 9 })) {
      const attacker = new LinearAttacker();
      const hidden: string[][] = [];
      // Protection is applied per answer exactly as the query does; only the period check is bypassed.
      for (const to of months) {
        for (const from of [months[0]!, to]) {
          for (const r of rowsOf(publicVacancies.protect!(modelColumns(rows, { from, to })))) {
            const atoms = atomsOf(rows, from, to, r.sector, r.province);
            if (r.positions === null) hidden.push(atoms);
            else attacker.learn(atoms);
          }
        }
      }
      recovered += hidden.filter((a) => attacker.canDerive(a)).length;
    }
    expect(recovered).toBeGreaterThan(0);
  });
});

describe('public-vacancies against the differencing attacker, through DuckDB', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await memoryWarehouse();
  });
  afterAll(() => w.close());

  it('every filter combination of 10 random data sets, answered by the SQL: sensitive cells hidden, none recoverable', async () => {
    let hiddenSeen = 0;
    for (const rows of fc.sample(vacanciesArb, { numRuns: 10, seed: 33 })) {
      await insertVacancies(w, rows);
      const attacker = new LinearAttacker();
      const hidden: string[][] = [];
      for (const y of TEST_YEARS) {
        for (const province of [undefined, ...TEST_PROVINCES, '24']) {
          for (const sector of [undefined, ...TEST_SECTORS, 'Q']) {
            const f: VacancyFilter = { ...whole(y), ...(province ? { province } : {}), ...(sector ? { sector } : {}) };
            hidden.push(...observe(rows, f, rowsOf(await runQuery(w, publicVacancies, { ...f })), attacker));
          }
        }
      }
      hiddenSeen += hidden.length;
      for (const atoms of hidden) expect(attacker.canDerive(atoms)).toBe(false);
      // The unfiltered answer lists every cell with data, so nothing sensitive is left out.
      for (const y of TEST_YEARS) {
        const listed = rowsOf(await runQuery(w, publicVacancies, whole(y))).length;
        const withData = [...TEST_SECTORS, TOTAL].flatMap((s) => [...TEST_PROVINCES, TOTAL].filter((p) => truthOf(rows, `${y}-01`, `${y}-12`, s, p).value > 0)).length;
        expect(listed).toBe(withData);
      }
    }
    expect(hiddenSeen).toBeGreaterThan(100);
  }, 60_000);
});
