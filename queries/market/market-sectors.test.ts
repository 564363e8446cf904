import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from './market-fixtures.ts';
import { marketOccupations } from './market-occupations.ts';
import { marketSectors } from './market-sectors.ts';

let w: Warehouse;

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  // Vacancies of 2024: in 17, C x2 (one with 3 positions) and G x1 in 1701, G x1 in 1702; in 09, C x1 and G x3.
  await r.vacancy('V1', { posted: '2024-02-10', sector: 'C', occupation: '7', canton: '1701', positions: 3 });
  await r.vacancy('V2', { posted: '2024-05-10', sector: 'C', occupation: '7', canton: '1701' });
  await r.vacancy('V3', { posted: '2024-06-10', sector: 'G', occupation: '5', canton: '1701' });
  await r.vacancy('V4', { posted: '2024-06-11', sector: 'G', occupation: '5', canton: '1702' });
  await r.vacancy('V5', { posted: '2024-07-10', sector: 'C', occupation: '7', canton: '0901' });
  for (const id of ['V6', 'V7', 'V8']) await r.vacancy(id, { posted: '2024-08-10', sector: 'G', occupation: '5', canton: '0901' });
  await r.vacancy('V9', { posted: '2023-05-10', sector: 'A', occupation: '6', canton: '1701' }); // outside the period
  await r.placement('P1', { placed: '2024-03-01', sector: 'C', occupation: '7', canton: '1701' });
  await r.placement('P2', { placed: '2024-09-01', sector: 'G', occupation: '5', canton: '0901' });
  // Survey: the 2024-09 round is used; the 2023-12 round, the unemployed and the unclassified are not.
  await r.survey({ period: '2024-09', province: '17', condact: 1, rama1: 3, grupo1: 10, fexp: 100 });
  await r.survey({ period: '2024-09', province: '17', condact: 2, rama1: 7, grupo1: 5, fexp: 300 });
  await r.survey({ period: '2024-09', province: '17', condact: 7, fexp: 50 });
  await r.survey({ period: '2024-09', province: '17', condact: 1, rama1: null, grupo1: null, fexp: 40 });
  await r.survey({ period: '2024-09', province: '09', condact: 1, rama1: 3, grupo1: 5, fexp: 100 });
  await r.survey({ period: '2024-09', province: '09', condact: 3, rama1: 7, grupo1: 5, fexp: 500 });
  await r.survey({ period: '2023-12', province: '17', condact: 1, rama1: 1, grupo1: 6, fexp: 1000 });
  await rebuildAggregates(w);
});
afterAll(() => w.close());

const run = async (q: typeof marketSectors | typeof marketOccupations, params: Record<string, string>) => asRows(await runQuery(w, q, params));

describe('market-sectors', () => {
  it('computes counts, shares and location quotients by hand for a province', async () => {
    const rows = await run(marketSectors, { territory: '17', from: '2024-01', to: '2024-12' });
    expect(rows.map((r) => r.sector_code)).toEqual(['C', 'G']);
    const [c, g] = rows as [Record<string, number>, Record<string, number>];
    expect(c).toMatchObject({ survey_period: '2024-09', survey_province: '17', employed_territory: 100, employed_nation: 200,
      vacancies_territory: 2, vacancies_nation: 3, positions_territory: 4, positions_nation: 5, placements_territory: 1, placements_nation: 1 });
    expect(g).toMatchObject({ employed_territory: 300, employed_nation: 800, vacancies_territory: 2, vacancies_nation: 5, placements_territory: 0, placements_nation: 1 });
    expect(c.employment_share_territory).toBeCloseTo(0.25, 12);
    expect(c.employment_share_nation).toBeCloseTo(0.2, 12);
    expect(c.lq_employment).toBeCloseTo(1.25, 12);
    expect(g.lq_employment).toBeCloseTo(0.75 / 0.8, 12);
    expect(c.vacancy_share_territory).toBeCloseTo(0.5, 12);
    expect(c.lq_vacancies).toBeCloseTo(0.5 / (3 / 8), 12);
    expect(g.lq_vacancies).toBeCloseTo(0.5 / (5 / 8), 12);
    expect(c.placement_share_territory).toBe(1);
    expect(g.placement_share_nation).toBe(0.5);
  });

  it('for a canton, counts the canton’s records and its province’s survey employment', async () => {
    const [c, g] = (await run(marketSectors, { territory: '1701', from: '2024-01', to: '2024-12' })) as Record<string, number>[];
    expect(c!.vacancies_territory).toBe(2);
    expect(g!.vacancies_territory).toBe(1);
    expect(c!.lq_vacancies).toBeCloseTo((2 / 3) / (3 / 8), 12);
    expect(g!.lq_vacancies).toBeCloseTo((1 / 3) / (5 / 8), 12);
    expect(c!.lq_employment).toBeCloseTo(1.25, 12);
  });

  it('defaults to the 12 months up to the latest month with vacancies (2023-09 to 2024-08) and the survey round within', async () => {
    const rows = await run(marketSectors, { territory: '17' });
    expect(rows.map((r) => [r.sector_code, r.survey_period, r.vacancies_territory, r.employed_territory])).toEqual([
      ['A', '2023-12', 0, 1000], ['C', '2023-12', 2, 0], ['G', '2023-12', 2, 0],
    ]);
    expect(rows.find((r) => r.sector_code === 'C')!.vacancies_territory).toBe(2);
  });

  it('EXPLAIN plans it, and malformed parameters are refused', async () => {
    const { sql, params } = marketSectors.build(marketSectors.params.parse(marketSectors.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
    await expect(runQuery(w, marketSectors, {})).rejects.toThrow(ParamError);
    await expect(runQuery(w, marketSectors, { territory: '17x' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, marketSectors, { territory: '17', to: '2024-13' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, marketSectors, { territory: '17', sector: 'C' })).rejects.toThrow(/sector/);
  });
});

describe('market-occupations', () => {
  it('computes location quotients by major group; the survey’s armed forces (10) are group 0', async () => {
    const rows = await run(marketOccupations, { territory: '17', from: '2024-01', to: '2024-12' });
    expect(rows.map((r) => r.occupation_code)).toEqual(['0', '5', '7']);
    const byCode = Object.fromEntries(rows.map((r) => [r.occupation_code, r])) as Record<string, Record<string, number>>;
    expect(byCode['0']!.lq_employment).toBeCloseTo(0.25 / 0.1, 12);
    expect(byCode['5']!.lq_employment).toBeCloseTo(0.75 / 0.9, 12);
    expect(byCode['7']!.lq_employment).toBeNull();
    expect(byCode['7']!.lq_vacancies).toBeCloseTo(0.5 / (3 / 8), 12);
    expect(byCode['0']!.vacancies_nation).toBe(0);
    const { sql, params } = marketOccupations.build(marketOccupations.params.parse(marketOccupations.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
  });
});
