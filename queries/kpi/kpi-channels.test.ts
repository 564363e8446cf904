import { describe, expect, it } from 'vitest';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import type { KpiFilters } from './kpi-filters.ts';
import { kpiSuite } from './kpi-suite.ts';
import { channelsFromCube, channelsFromFacts, cubeAnswers, kpiChannels as q } from './kpi-channels.ts';

/** Rows as [channel, events, persons, firms, persons_observable, persons_placed_90d, conversion_90d]. */
const suite = kpiSuite(q);
const rows = suite.rows;

// The data end on 2024-07-31 (latest month with placements), so every attendance up to 2024-05-02 can be judged.
describe('kpi-channels on the hand-made fixture', () => {
  it('counts attendance and 90-day conversion per kind of service, hand-checked', async () => {
    const r = await rows({ from: '2024-01', to: '2024-03' });
    expect(r.map((x) => x.slice(0, 6))).toEqual([
      ['counselling', 4, 3, 0, 3, 2], // E1 E3 E8 E11: P1 (C1 13 days after), P2 (C2 7 days after), P8 (C5 107 days after: no)
      ['job_fair', 2, 1, 1, 1, 1], // E5 (P4, C3 5 days after), E7 (firm F2)
      ['portal', 1, 1, 0, 1, 1], // E4 (P3, C4 64 days after)
      ['workshop_employers', 1, 0, 1, 0, 0], // E6 (firm F1)
      ['workshop_seekers', 1, 1, 0, 1, 1], // E2 (P1)
    ]);
    expect(r[0]![6]).toBeCloseTo(2 / 3, 12);
    expect(r.map((x) => x[6]).slice(1)).toEqual([1, 1, null, 1]);
  });

  it('applies the event filters: kind, the office province, the person', async () => {
    expect((await rows({ from: '2024-01', to: '2024-03', channel: 'workshop' })).map((x) => x[0])).toEqual(['workshop_employers', 'workshop_seekers']);
    expect(await rows({ from: '2024-03', to: '2024-04', province: '09' })).toEqual([
      ['counselling', 2, 2, 0, 2, 1, 0.5], // E11 (P8, no), E10 (P3, C4 5 days after)
      ['job_fair', 2, 1, 1, 1, 1, 1],
    ]);
    const women = await rows({ from: '2024-01', to: '2024-03', sex: 'F' });
    expect(women.map((x) => x.slice(0, 7))).toEqual([
      ['counselling', 3, 2, 0, 2, 1, 0.5], // E1 E8 (P1 converted), E11 (P8 not)
      ['portal', 1, 1, 0, 1, 1, 1],
      ['workshop_seekers', 1, 1, 0, 1, 1, 1],
    ]);
  });

  it('counts a person attended before the period once, from their first attendance in it', async () => {
    // P1 attended counselling in January (E1, S1) and February (E8, S5): from February on, first on 02-20, never placed after.
    expect(await rows({ from: '2024-02', to: '2024-04' })).toEqual([
      ['counselling', 3, 3, 0, 3, 1, 1 / 3], // E8 (P1, no), E11 (P8, C5 107 days after: no), E10 (P3, C4 5 days after)
      ['job_fair', 2, 1, 1, 1, 1, 1],
      ['portal', 1, 1, 0, 1, 1, 1],
      ['workshop_employers', 1, 0, 1, 0, 0, null],
    ]);
  });

  it('reads the channel cube for any period when no person or place filter is given, with the answer computed from the events', async () => {
    const w = suite.warehouse();
    // Every period from 2023-10 to 2024-08 (the events run from 2023-12 to 2024-04, the placements to 2024-07).
    const months = ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'];
    const filters: KpiFilters[] = [{}, { channel: 'workshop' }, { channel: 'counselling' }, { channel: 'job_fair' }, { channel: 'workshop_employers' }, { channel: 'outreach' }, { sector: 'G' }];
    let compared = 0;
    for (const [i, from] of months.entries()) {
      for (const to of months.slice(i)) {
        for (const f of filters) {
          const params = { ...f, from, to };
          expect(cubeAnswers(params)).toBe(true);
          const cube = await w.columns(channelsFromCube(params).sql, channelsFromCube(params).params);
          expect(cube, JSON.stringify(params)).toEqual(await w.columns(channelsFromFacts(params).sql, channelsFromFacts(params).params));
          if (cube.rowCount) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
    // The default period too (the 12 months to the latest month with placements).
    expect(await w.columns(channelsFromCube({}).sql)).toEqual(await w.columns(channelsFromFacts({}).sql));
  });

  it('computes from the events when a person or place filter is given', () => {
    for (const f of [{ province: '17' }, { office: 'Q1' }, { sex: 'F' }, { age: 'youth' }] as KpiFilters[]) {
      expect(cubeAnswers(f)).toBe(false);
      expect(q.build(q.params.parse(f), null).sql).toContain('event_fact');
    }
    expect(q.build(q.params.parse({ from: '2024-01', channel: 'portal', sector: 'G' }), null).sql).not.toContain('event_fact');
  });

  it('plans with EXPLAIN', async () => {
    const { sql, params } = q.build(q.params.parse({ from: '2024-01', to: '2024-03', province: '17', office: 'Q1', sex: 'F', age: 'youth', channel: 'portal' }), null);
    await expect(suite.warehouse().run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
  });

  it('refuses unknown and malformed parameters', async () => {
    await expect(runQuery(suite.warehouse(), q, { window: '30' })).rejects.toThrow(ParamError);
    await expect(runQuery(suite.warehouse(), q, { channel: "portal' --" })).rejects.toThrow(/channel/);
  });
});
