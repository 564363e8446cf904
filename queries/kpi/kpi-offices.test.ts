import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ParamError, runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiOffices as q } from './kpi-offices.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
  const targets: [string, string, string, number][] = [
    ['Q1', '2024-01-01', 'placements', 1], ['Q1', '2024-02-01', 'placements', 1], ['Q1', '2024-03-01', 'placements', 1],
    ['Q1', '2024-04-01', 'placements', 5], ['Q1', '2024-01-01', 'retention_3m', 0.7], ['G1', '2024-02-01', 'placements', 2],
  ];
  for (const t of targets) await w.run('INSERT INTO office_target VALUES (?, ?::DATE, ?, ?, 1)', t);
});
afterAll(() => w.close());

const rows = async (params: Record<string, unknown>) => {
  const a = await runQuery(w, q, params);
  expect(a.names).toEqual(q.columns.map((c) => c.name));
  return Array.from({ length: a.rowCount }, (_, r) => Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![r]])));
};

describe('kpi-offices on the hand-made fixture', () => {
  it('ranks the offices by a score whose components add up, hand-checked', async () => {
    const r = await rows({ from: '2024-01', to: '2024-03' });
    expect(r.map((x) => x.office_code)).toEqual(['Q1', 'Q2', 'G1']);
    const [q1, q2, g1] = r as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    // Q1: C1, C2; attended P1, P2; 3-month checks C1 yes, C2 no; days 15 and 12; target 1 + 1 + 1 (April and retention ignored).
    expect(q1).toMatchObject({ office_name: 'Quito Norte', province_code: '17', placements: 2, seekers_attended: 2, placement_rate: 1,
      followed_up_3m: 2, retention_3m: 0.5, median_days_to_placement: 13.5, target_placements: 3 });
    expect(q1.placements_vs_target).toBeCloseTo(2 / 3, 12);
    // G1: C3 (no 3-month check); attended P3, P4, P8; 288 days; target 2.
    expect(g1).toMatchObject({ placements: 1, seekers_attended: 3, followed_up_3m: 0, retention_3m: null, median_days_to_placement: 288,
      target_placements: 2, placements_vs_target: 0.5 });
    expect(g1.placement_rate).toBeCloseTo(1 / 3, 12);
    expect(q2).toMatchObject({ placements: 0, seekers_attended: 0, placement_rate: null, retention_3m: null, median_days_to_placement: null,
      target_placements: null, placements_vs_target: null });
    // z(placements) over 2, 1, 0: ±1/sqrt(2/3); z(rate) over 1 and 1/3: ±1; retention varies over one office only: 0;
    // z(days) over 13.5 and 288: ∓1, speed is its opposite. Each weighted 1/4.
    const zp = 1 / Math.sqrt(2 / 3) / 4;
    const expected: [Record<string, unknown>, number[]][] = [[q1, [zp, 0.25, 0, 0.25]], [q2, [-zp, 0, 0, 0]], [g1, [0, -0.25, 0, -0.25]]];
    for (const [row, parts] of expected) {
      const got = [row.score_placements, row.score_rate, row.score_retention, row.score_speed] as number[];
      got.forEach((v, i) => expect(v).toBeCloseTo(parts[i]!, 12));
      expect(row.score).toBeCloseTo(got.reduce((a, b) => a + b, 0), 12);
    }
  });

  it('lists the offices of a province, and scores them among themselves', async () => {
    const r = await rows({ from: '2024-01', to: '2024-03', province: '17' });
    expect(r.map((x) => [x.office_code, x.placements, x.score_placements, x.score_rate, x.score_speed, x.score])).toEqual([
      ['Q1', 2, 0.25, 0, 0, 0.25],
      ['Q2', 0, -0.25, 0, 0, -0.25],
    ]);
    expect((await rows({ from: '2024-01', to: '2024-03', office: 'G1', sex: 'M' })).map((x) => [x.office_code, x.placements, x.seekers_attended])).toEqual([['G1', 1, 1]]);
  });

  it('plans with EXPLAIN', async () => {
    const { sql, params } = q.build(q.params.parse({ from: '2024-01', to: '2024-03', province: '17', office: 'Q1', sector: 'G', occupation: '5', sex: 'F', age: 'youth', channel: 'portal' }), null);
    await expect(w.run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
  });

  it('refuses unknown and malformed parameters', async () => {
    await expect(runQuery(w, q, { sort: 'score' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { office: 'Q'.repeat(21) })).rejects.toThrow(/office/);
  });
});
