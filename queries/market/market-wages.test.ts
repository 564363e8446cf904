import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from './market-fixtures.ts';
import { MIN_SURVEY_N, marketWages as q } from './market-wages.ts';

let w: Warehouse;

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  for (const [i, wage] of [400, 500, 600, null].entries()) await r.vacancy(`V${i}`, { posted: '2024-03-01', sector: 'G', occupation: '5', canton: '1701', wage });
  await r.vacancy('V9', { posted: '2024-03-01', sector: 'G', occupation: '5', canton: '0901', wage: 1000 });
  await r.vacancy('V7', { posted: '2024-04-01', sector: 'C', occupation: '7', canton: '1702', wage: 800 });
  await r.vacancy('V0ld', { posted: '2022-04-01', sector: 'C', occupation: '5', canton: '1702', wage: 9000 }); // outside the period
  const s = (province: string, condact: number, grupo1: number, ingrl: number | null, fexp: number) => r.survey({ period: '2024-09', province, condact, grupo1, ingrl, fexp });
  await s('17', 1, 5, 300, 1);
  await s('17', 1, 5, 450, 1);
  await s('17', 2, 5, 700, 2);
  await s('17', 1, 5, null, 5); // income not reported
  await s('17', 7, 5, 5000, 9); // unemployed
  await s('09', 1, 5, 200, 4);
  await rebuildAggregates(w);
});
afterAll(() => w.close());

describe('market-wages', () => {
  it('compares the median wage offered with the weighted median earned, hand-checked', async () => {
    const rows = asRows(await runQuery(w, q, { territory: '17', from: '2024-01', to: '2024-12' }));
    expect(rows).toEqual([
      { occupation_code: '5', vacancies_with_wage: 3, median_wage_offered: 500, median_wage_offered_nation: 550, survey_period: '2024-09',
        earned_n: 3, median_wage_earned: 450, median_wage_earned_nation: 200, offered_to_earned: 500 / 450, earned_flag: 'small_sample' },
      { occupation_code: '7', vacancies_with_wage: 1, median_wage_offered: 800, median_wage_offered_nation: 800, survey_period: '2024-09',
        earned_n: 0, median_wage_earned: null, median_wage_earned_nation: null, offered_to_earned: null, earned_flag: null },
    ]);
  });

  it('flags ok from the minimum sample size', async () => {
    const w2 = await memoryWarehouse();
    const r = rowsFor(w2);
    for (let i = 0; i < MIN_SURVEY_N; i++) await r.survey({ period: '2024-09', province: '17', condact: 1, grupo1: 2, ingrl: 100 + i, fexp: 1 });
    await rebuildAggregates(w2);
    const [row] = asRows(await runQuery(w2, q, { territory: '1701', from: '2024-01', to: '2024-12' }));
    expect(row).toMatchObject({ occupation_code: '2', earned_n: MIN_SURVEY_N, median_wage_earned: 114, earned_flag: 'ok', vacancies_with_wage: 0 });
    w2.close();
  });

  it('without a period, reads the nation\'s medians offered kept for the 12 months to the latest month: the answer computed for them', async () => {
    for (const territory of ['17', '1701', '1702', '09']) {
      expect((await runQuery(w, q, { territory })).values).toEqual((await runQuery(w, q, { territory, from: '2023-05', to: '2024-04' })).values);
    }
    expect(asRows(await runQuery(w, q, { territory: '1702' })).map((r) => [r.occupation_code, r.vacancies_with_wage, r.median_wage_offered, r.median_wage_offered_nation]))
      .toEqual([['5', 0, null, 550], ['7', 1, 800, 800]]);
  });

  it('EXPLAIN plans it, and malformed parameters are refused', async () => {
    const { sql, params } = q.build(q.params.parse(q.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
    await expect(runQuery(w, q, { territory: '17', from: '2024' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: "17' --" })).rejects.toThrow(ParamError);
  });
});
