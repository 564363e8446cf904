import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { asRows, rowsFor } from './market-fixtures.ts';
import { marketTightness as q } from './market-tightness.ts';

let w: Warehouse;

beforeAll(async () => {
  w = await memoryWarehouse();
  const r = rowsFor(w);
  // Month end 2024-06-30; the active window starts 2023-07.
  await r.vacancy('VA', { posted: '2024-05-01', sector: 'C', occupation: '7', canton: '1701', positions: 4 }); // open
  await r.vacancy('VB', { posted: '2024-03-01', closed: '2024-06-15', sector: 'C', occupation: '7', canton: '1701' }); // closed
  await r.vacancy('VC', { posted: '2024-06-10', closed: '2024-07-05', sector: 'G', occupation: '5', canton: '1701' }); // open at the end
  await r.vacancy('VD', { posted: '2023-01-01', sector: 'G', occupation: '5', canton: '1701' }); // stale
  await r.vacancy('VE', { posted: '2024-07-02', sector: 'G', occupation: '5', canton: '1701' }); // after the end
  await r.vacancy('VF', { posted: '2024-06-01', sector: 'C', occupation: '7', canton: '0901' }); // elsewhere
  await r.vacancy('VG', { posted: '2024-02-01', closed: '2024-03-01', sector: 'F', occupation: '7', canton: '1701' }); // closed
  await r.seeker('S1', { registered: '2024-01-10', canton: '1701' });
  await r.referral('R1', { seeker: 'S1', vacancy: 'VA', on: '2024-05-05' });
  await r.seeker('S2', { registered: '2022-01-01', canton: '1701' });
  await r.referral('R2', { seeker: 'S2', vacancy: 'VB', on: '2024-04-01' });
  await r.placement('P2', { seeker: 'S2', vacancy: 'VB', placed: '2024-04-20', sector: 'C', canton: '1701' }); // placed after: inactive
  await r.seeker('S3', { registered: '2022-01-01', canton: '1701' });
  await r.placement('P3', { seeker: 'S3', placed: '2024-02-01', sector: 'A', canton: '1701' }); // placed before its last activity
  await r.referral('R3', { seeker: 'S3', vacancy: 'VC', on: '2024-06-12' });
  await r.seeker('S4', { registered: '2024-02-01', canton: '1701' }); // active, never referred
  await r.seeker('S5', { registered: '2021-01-01', canton: '1701' }); // no activity in the window
  await r.seeker('S6', { registered: '2024-01-01', canton: '1701' });
  await r.referral('R6a', { seeker: 'S6', vacancy: 'VA', on: '2024-05-06' });
  await r.referral('R6b', { seeker: 'S6', vacancy: 'VC', on: '2024-06-11' });
  await r.seeker('S7', { registered: '2024-03-01', canton: '0901' }); // elsewhere
  await r.referral('R7', { seeker: 'S7', vacancy: 'VA', on: '2024-05-07' });
  await r.seeker('S8', { registered: '2024-01-01', canton: '1701' });
  await r.referral('R8', { seeker: 'S8', vacancy: 'VG', on: '2024-02-10' });
  await r.referral('R9', { seeker: 'S8', vacancy: 'VA', on: '2024-07-10' }); // after the end
  await rebuildAggregates(w);
});
afterAll(() => w.close());

const run = async (params: Record<string, string>) => asRows(await runQuery(w, q, params)).map((r) => [r.code, r.open_vacancies, r.open_positions, r.active_seekers, r.positions_per_seeker, r.flag]);

describe('market-tightness', () => {
  it('counts open positions and active seekers by sector, hand-checked', async () => {
    expect(await run({ territory: '17', at: '2024-06' })).toEqual([
      ['*', 2, 5, 5, 1, 'firms_lack_candidates'],
      ['C', 1, 4, 2, 2, 'firms_lack_candidates'],
      ['F', 0, 0, 1, 0, 'seekers_lack_vacancies'],
      ['G', 1, 1, 2, 0.5, 'balanced'],
    ]);
  });

  it('by occupation, and for a canton; the defaults take the latest month with vacancies', async () => {
    expect(await run({ territory: '1701', at: '2024-06', by: 'occupation' })).toEqual([
      ['*', 2, 5, 5, 1, 'firms_lack_candidates'],
      ['5', 1, 1, 2, 0.5, 'balanced'],
      ['7', 1, 4, 3, 4 / 3, 'firms_lack_candidates'],
    ]);
    const [all] = asRows(await runQuery(w, q, { territory: '17' }));
    expect(all).toMatchObject({ by: 'sector', code: '*', at: '2024-07-31' });
    const seekers = asRows(await runQuery(w, q, { territory: '17', at: '2024-06' }));
    expect(seekers[1]!.seekers_per_position).toBe(0.5);
  });

  it('without a month, reads the seeker stock kept at the end of the data: the answer computed for the latest month', async () => {
    for (const territory of ['17', '1701', '0901']) {
      for (const by of ['sector', 'occupation']) {
        const kept = await runQuery(w, q, { territory, by });
        expect(kept.values).toEqual((await runQuery(w, q, { territory, by, at: '2024-07' })).values);
      }
    }
    // At 2024-07-31, VA (4 positions) and VE are open; S1, S3, S4, S6 and S8 are active in 17 (S2 was placed after its referral).
    expect((await run({ territory: '17' }))[0]).toEqual(['*', 2, 5, 5, 1, 'firms_lack_candidates']);
  });

  it('EXPLAIN plans it, and malformed parameters are refused', async () => {
    const { sql, params } = q.build(q.params.parse(q.example), null);
    await w.run(`EXPLAIN ${sql}`, params);
    await expect(runQuery(w, q, { territory: '17', by: 'firm' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { territory: '17', at: '24-06' })).rejects.toThrow(ParamError);
  });
});
