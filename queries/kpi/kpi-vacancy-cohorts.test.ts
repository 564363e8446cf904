import { describe, expect, it } from 'vitest';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { kpiSuite } from './kpi-suite.ts';
import { KpiSql } from './kpi-filters.ts';
import { cohortsFromCube, cohortsFromRecords, kpiVacancyCohorts as q, slicePostingMonths } from './kpi-vacancy-cohorts.ts';

/** Rows as [month, vacancies, positions, vacancies_filled, filled_positions, fill_rate, median_days_to_fill]. */
const suite = kpiSuite(q);
const rows = suite.rows;

describe('kpi-vacancy-cohorts on the hand-made fixture', () => {
  it('follows each posting month, hand-checked', async () => {
    const r = await rows({ from: '2023-11', to: '2024-03' });
    expect(r.map((x) => x.slice(0, 5))).toEqual([
      ['2023-11', 1, 1, 1, 1], // V0: C0 on day 30
      ['2024-01', 2, 3, 1, 2], // V1 (2 of 2, first on day 20), V4 (never)
      ['2024-02', 1, 1, 1, 1], // V2: C3 on day 34
      ['2024-03', 1, 3, 1, 2], // V3: C4 (day 40) and C5, 2 of 3
    ]);
    expect(r.map((x) => x[6])).toEqual([30, 20, 34, 40]);
    expect(r.map((x) => x[5] as number).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, Math.round((2 / 3) * 1e9) / 1e9, 1, Math.round((2 / 3) * 1e9) / 1e9]);
  });

  it('applies the vacancy filters and ignores the person ones', async () => {
    expect(await rows({ from: '2024-01', to: '2024-03', province: '09', sex: 'F' })).toEqual([
      ['2024-01', 1, 1, 0, 0, 0, null], // V4
      ['2024-02', 1, 1, 1, 1, 1, 34], // V2
    ]);
    expect((await rows({ from: '2024-01', to: '2024-03', sector: 'G', occupation: '5', office: 'Q1' })).map((x) => x[0])).toEqual(['2024-01', '2024-03']);
  });

  it('plans with EXPLAIN', async () => {
    const { sql, params } = q.build(q.params.parse({ province: '17', office: 'Q1', sector: 'G', occupation: '52' }), null);
    await expect(suite.warehouse().run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
  });

  it('refuses unknown and malformed parameters', async () => {
    await expect(runQuery(suite.warehouse(), q, { month: '2024-01' })).rejects.toThrow(ParamError);
    await expect(runQuery(suite.warehouse(), q, { sector: 'g' })).rejects.toThrow(/sector/);
    await expect(runQuery(suite.warehouse(), q, { from: '2001-01', to: '2024-01' })).rejects.toThrow(/at most 120 months/);
  });
});

describe('kpi-vacancy-cohorts for a period, sliced from the answer without one', () => {
  it('equals running the query whenever the period lies within the answer\'s months, and declines otherwise', async () => {
    const w = suite.warehouse();
    const base = await runQuery(w, q, { to: '2024-07' });
    // The base's rows run from 2023-11 to 2024-03 (months without vacancies have no row).
    for (const [from, to] of [['2023-11', '2024-03'], ['2023-12', '2024-01'], ['2024-02', '2024-02'], ['2023-11', '2023-12']]) {
      expect(slicePostingMonths(base, from, to)?.values, `${from}..${to}`).toEqual((await runQuery(w, q, { from, to })).values);
    }
    expect(slicePostingMonths(base, '2023-10', '2024-03')).toBeNull();
    expect(slicePostingMonths(base, '2024-01', '2024-04')).toBeNull();
    expect(slicePostingMonths(base, undefined, '2024-03')).toBeNull();
  });
});

describe('kpi-vacancy-cohorts from the flow cube', () => {
  it('equal the cohorts computed from the vacancies, for every period', async () => {
    const w = suite.warehouse();
    const months = ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-06'];
    let rowsCompared = 0;
    for (const [i, from] of months.entries()) {
      for (const to of months.slice(i)) {
        const k1 = new KpiSql({ from, to }, 24);
        const cube = await w.columns(cohortsFromCube(k1), k1.params);
        const k2 = new KpiSql({ from, to }, 24);
        const records = await w.columns(cohortsFromRecords(k2), k2.params);
        expect(cube.types, `${from}..${to}`).toEqual(records.types);
        expect(cube.values, `${from}..${to}`).toEqual(records.values);
        rowsCompared += records.rowCount;
      }
    }
    expect(rowsCompared).toBeGreaterThan(20);
    expect(q.build(q.params.parse({ from: '2024-01', to: '2024-03', sex: 'F' }), null).sql).toContain('vacancy_month');
    expect(q.build(q.params.parse({ from: '2024-01', to: '2024-03', sector: 'G' }), null).sql).not.toContain('vacancy_month');
  });
});
