import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from './market-fixtures.ts';
import { marketShiftShare as q } from './market-shift-share.ts';

let w: Warehouse;

/** Vacancies as (year, canton, sector, count): 2023 is the base, 2024 the current period. */
const VACANCIES: [number, string, string, number][] = [
  [2023, '1701', 'C', 2], [2023, '1701', 'G', 1], [2023, '0901', 'C', 2], [2023, '0901', 'G', 5],
  [2024, '1701', 'C', 4], [2024, '1701', 'G', 1], [2024, '1701', 'A', 1], [2024, '0901', 'C', 2], [2024, '0901', 'G', 3],
];

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  let n = 0;
  for (const [year, canton, sector, count] of VACANCIES) {
    for (let i = 0; i < count; i++) await r.vacancy(`V${++n}`, { posted: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-15`, sector, canton, positions: 1 + (n % 3) });
  }
  await r.vacancy('VLAST', { posted: '2024-12-20', sector: 'F', canton: '0901' }); // the latest month: defaults end in 2024-12
  await r.placement('P1', { placed: '2023-05-01', sector: 'C', canton: '1701' });
  await r.placement('P2', { placed: '2024-05-01', sector: 'C', canton: '1701' });
  await r.placement('P3', { placed: '2024-06-01', sector: 'C', canton: '0901' });
  await rebuildAggregates(w);
});
afterAll(() => w.close());

const run = async (params: Record<string, string>) => asRows(await runQuery(w, q, params)) as Record<string, number | string>[];
const bySector = (rows: Record<string, number | string>[]) => Object.fromEntries(rows.map((r) => [r.sector_code, r]));

describe('market-shift-share', () => {
  it('splits the change in vacancies into hand-computed national share, industry mix and competitive effect', async () => {
    const s = bySector(await run({ territory: '17', measure: 'vacancies', base: '2023', current: '2024' }));
    expect(Object.keys(s)).toEqual(['A', 'C', 'G']);
    // N0 = 10, N1 = 12 (F in 09 counts nationally): G = 0.2.
    expect(s.C).toMatchObject({ base_period: '2023-01:2023-12', current_period: '2024-01:2024-12', base_value: 2, current_value: 4, change: 2 });
    expect(s.C!.national_growth).toBeCloseTo(0.2, 12);
    expect(s.C!.national_share).toBeCloseTo(2 * 0.2, 12);
    expect(s.C!.industry_mix).toBeCloseTo(2 * (6 / 4 - 1.2), 12);
    expect(s.C!.competitive_effect).toBeCloseTo(4 - 2 * (6 / 4), 12);
    expect(s.G!.national_share).toBeCloseTo(0.2, 12);
    expect(s.G!.industry_mix).toBeCloseTo(4 / 6 - 1.2, 12);
    expect(s.G!.competitive_effect).toBeCloseTo(1 - 4 / 6, 12);
    expect(s.A).toMatchObject({ base_value: 0, current_value: 1, national_share: 0, industry_mix: 0, competitive_effect: 1, territory_growth: null });
  });

  it('the three effects add up to the actual change, for every measure and period form', async () => {
    const calls: Record<string, string>[] = [
      { territory: '17', measure: 'vacancies', base: '2023', current: '2024' },
      { territory: '17', measure: 'positions', base: '2023-01:2023-06', current: '2024-01:2024-06' },
      { territory: '1701', measure: 'placements', base: '2023', current: '2024' },
      { territory: '09' },
    ];
    for (const params of calls) {
      const rows = await run(params);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const sum = (r.national_share as number) + (r.industry_mix as number) + (r.competitive_effect as number);
        expect(Math.abs(sum - (r.change as number))).toBeLessThan(1e-9);
        expect(r.change).toBe((r.current_value as number) - (r.base_value as number));
      }
    }
  });

  it('placements: hand-computed, and the defaults are the latest 12 months against a year earlier', async () => {
    const s = bySector(await run({ territory: '17', measure: 'placements', base: '2023', current: '2024' }));
    expect(s.C).toMatchObject({ base_value: 1, current_value: 1, national_growth: 1, national_share: 1, industry_mix: 0, competitive_effect: -1 });
    const byDefault = await run({ territory: '17' });
    expect(byDefault[0]).toMatchObject({ base_period: '2023-01:2023-12', current_period: '2024-01:2024-12' });
    expect(byDefault).toEqual(await run({ territory: '17', measure: 'vacancies', base: '2023', current: '2024' }));
  });

  it('EXPLAIN plans it, and malformed parameters are refused', async () => {
    const { sql, params } = q.build(q.params.parse(q.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
    await expect(runQuery(w, q, { territory: '17', measure: 'salary' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: '17', base: '2024-13' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: '17', base: '2024:2023' })).rejects.toThrow(/ends before it starts/);
    await expect(runQuery(w, q, { territory: '1' })).rejects.toThrow(ParamError);
  });
});
