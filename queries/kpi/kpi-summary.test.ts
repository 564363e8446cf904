import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { AnswerCache, answerKey, cacheSource } from '../catalogue/answer-cache.ts';
import { ParamError, answerFrom, runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiSummary as q } from './kpi-summary.ts';
import { KPI_SUMMARY_PARTS } from './kpi-summary-parts.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
});
afterAll(() => w.close());

const one = async (params: Record<string, unknown>) => {
  const a = await runQuery(w, q, params);
  expect(a.rowCount).toBe(1);
  expect(a.names).toEqual(q.columns.map((c) => c.name));
  return Object.fromEntries(a.names.map((n, c) => [n, a.values[c]![0]]));
};

describe('kpi-summary on the hand-made fixture (period 2024-01..2024-03)', () => {
  it('computes every headline KPI, hand-checked', async () => {
    const r = await one({ from: '2024-01', to: '2024-03' });
    expect(r).toMatchObject({
      period_from: '2024-01', period_to: '2024-03',
      registrations: 4, // S1, S2, S3, S5
      persons_registered: 3, // P1 (S1 and S5), P2, P3
      active_seekers: 2, // window 2023-04..2024-03: P3 (placed only in April) and P8; P1, P2, P4 placed by March
      seekers_attended: 5, // P1 (E1, E2, E8), P2, P3, P4, P8; E6 and E7 served firms
      median_days_to_first_service: 3.5, // S3 1, S1 2, S2 5, S5 11
      referrals: 5, // R1..R5
      placements: 3, // C1, C2, C3
      persons_placed: 3,
      placement_rate: 0.6, // 3 / 5
      persons_placed_per_registered: 1, // 3 / 3
      median_days_to_placement: 15, // C2 12, C1 15, C3 288
      p75_days_to_placement: 151.5, // 15 + 0.5 * (288 - 15)
      vacancies: 4, // V1..V4
      positions: 7,
      filled_positions: 5, // V1 2 of 2, V2 1 of 1, V3 2 of 3 (C4, C5 after the period), V4 0
      median_days_to_fill: 34, // V1 20, V2 34, V3 40
      p75_days_to_fill: 37,
      share_open_30d: 0.75, // V1 closed on day 27; V2, V3, V4 still open on day 30
      followed_up_3m: 2, // C1, C2 (C3 is due but has no 3-month check)
      retention_3m: 0.5, // C1 yes, C2 no
      followed_up_6m: 1, // C1 (C2 due, not checked; C3 not due before 2024-08-20)
      retention_6m: 1,
      followup_completion: 0.75, // done 3 + 2 + 1 of due 3 + 3 + 2
    });
    expect(r.fill_rate).toBeCloseTo(5 / 7, 12);
  });

  it('applies the filters that fit each table and ignores the others', async () => {
    const r = await one({ from: '2024-01', to: '2024-03', province: '17', sex: 'F' });
    expect(r).toMatchObject({
      registrations: 2, persons_registered: 1, // S1, S5: both P1
      active_seekers: 1, // P8
      seekers_attended: 1, // P1 at Q1; E3 is a man, E6 served a firm
      median_days_to_first_service: 6.5, // S1 2, S5 11
      referrals: 2, // R1, R5: women sent to vacancies in 17
      placements: 1, placement_rate: 1, median_days_to_placement: 15,
      vacancies: 2, positions: 5, filled_positions: 4, fill_rate: 0.8, // sex does not apply to vacancies: V1, V3
      median_days_to_fill: 30, p75_days_to_fill: 35, share_open_30d: 0.5,
      retention_3m: 1, retention_6m: 1, followup_completion: 1,
    });
    const g = await one({ from: '2024-01', to: '2024-03', sector: 'G' });
    expect(g).toMatchObject({ registrations: 4, seekers_attended: 5, referrals: 3, placements: 2, vacancies: 2 });
    const c = await one({ from: '2024-01', to: '2024-03', channel: 'counselling' });
    expect(c).toMatchObject({ placements: 1, seekers_attended: 3 }); // C1; counselling served P1, P2, P8
    expect(c.placement_rate).toBeCloseTo(1 / 3, 12);
    expect(await one({ from: '2024-01', to: '2024-03', age: 'youth' })).toMatchObject({ registrations: 3, placements: 1 }); // S1, S3, S5; C1
    expect(await one({ from: '2024-01', to: '2024-03', office: 'G1' })).toMatchObject({ registrations: 1, placements: 1, vacancies: 2, seekers_attended: 3 });
  });

  it('defaults to the 12 months up to the latest month with placements, and answers empty filters with zeros', async () => {
    expect(await one({})).toMatchObject({ period_from: '2023-08', period_to: '2024-07' });
    const none = await one({ from: '2024-01', to: '2024-03', office: 'Q2' });
    expect(none).toMatchObject({ registrations: 0, placements: 0, vacancies: 0, placement_rate: null, fill_rate: null, median_days_to_placement: null });
  });

  it('plans with EXPLAIN', async () => {
    const { sql, params } = q.build(q.params.parse({ from: '2024-01', to: '2024-03', province: '17', sex: 'F', age: 'youth', sector: 'G', occupation: '5', office: 'Q1', channel: 'workshop' }), null);
    await expect(w.run(`EXPLAIN ${sql}`, params)).resolves.toBeUndefined();
  });

  it('refuses unknown and malformed parameters', async () => {
    await expect(runQuery(w, q, { periodo: '2024-01' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { from: '2024-13' })).rejects.toThrow(/from: expected a month/);
    await expect(runQuery(w, q, { from: '2024-05', to: '2024-01' })).rejects.toThrow(/to: `to` must not be before `from`/);
    await expect(runQuery(w, q, { office: "Q1' OR 1=1 --" })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { sector: 'Z' })).rejects.toThrow(/sector/);
    await expect(runQuery(w, q, { occupation: '123' })).rejects.toThrow(/occupation/);
    await expect(runQuery(w, q, { sex: 'X' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { age: '20-30' })).rejects.toThrow(ParamError);
    await expect(runQuery(w, q, { channel: 'email' })).rejects.toThrow(ParamError);
  });
});

describe('kpi-summary put together from its parts', () => {
  const sets = [
    { from: '2024-01', to: '2024-03' },
    { from: '2024-01', to: '2024-03', sector: 'G' },
    { from: '2024-01', to: '2024-06', province: '17', sex: 'F', channel: 'portal' },
    { from: '2023-10', to: '2024-03', age: 'youth', occupation: '5' },
    { from: '2030-01', to: '2030-12' },
  ];
  it('answers exactly what the single statement answers', async () => {
    for (const params of sets) {
      const single = await runQuery(w, q, params);
      const composed = await answerFrom(cacheSource(new AnswerCache(), w, null), w, q, params);
      expect(composed.names, JSON.stringify(params)).toEqual(single.names);
      expect(composed.values, JSON.stringify(params)).toEqual(single.values);
    }
  });

  it('keys each part by only the filters it depends on', () => {
    const key = (part: (typeof KPI_SUMMARY_PARTS)[number], p: Record<string, unknown>) => answerKey(part, p, null);
    const [registrations, attended, placements, vacancies] = KPI_SUMMARY_PARTS;
    expect(key(registrations, { sector: 'G', occupation: '5', channel: 'portal', sex: 'F' })).toBe(key(registrations, { sex: 'F' }));
    expect(key(attended, { sector: 'G', channel: 'portal' })).toBe(key(attended, { channel: 'portal' }));
    expect(key(attended, { channel: 'portal' })).not.toBe(key(attended, {}));
    expect(key(placements, { sector: 'G' })).not.toBe(key(placements, {}));
    expect(key(vacancies, { sector: 'G', sex: 'F', age: 'youth', channel: 'portal' })).toBe(key(vacancies, { sector: 'G' }));
    expect(key(vacancies, { sector: 'G' })).not.toBe(key(vacancies, {}));
  });
});
