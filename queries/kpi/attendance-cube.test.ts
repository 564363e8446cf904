import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiOfficesAttended } from './kpi-offices-parts.ts';
import { kpiSummaryAttended } from './kpi-summary-parts.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
});
afterAll(() => w.close());

const MONTHS = ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'];
const PERIODS = MONTHS.flatMap((from, i) => MONTHS.slice(i).map((to) => ({ from, to })));

/** A direct count over the events, the second computation the cube is held to. */
async function fromEvents(sql: string, params: Record<string, string>) {
  return w.columns(sql, params);
}

describe('persons attended from the attendance cube', () => {
  it('equal the distinct persons of the events, for every period and channel of one kind', async () => {
    for (const filters of [{}, { channel: 'counselling' }, { channel: 'portal' }, { channel: 'workshop_seekers' }, { sector: 'G' }]) {
      for (const p of PERIODS) {
        const params = { ...p, ...filters };
        const cube = await runQuery(w, kpiSummaryAttended, params);
        const events = await fromEvents(
          `SELECT count(DISTINCT px)::INTEGER AS seekers_attended FROM event_fact WHERE month BETWEEN $from::DATE AND $to::DATE ${'channel' in filters ? 'AND kind = $channel' : ''}`,
          { from: `${p.from}-01`, to: `${p.to}-01`, ...('channel' in filters ? { channel: filters.channel } : {}) });
        expect(cube.values, JSON.stringify(params)).toEqual(events.values);
      }
    }
  });

  it('per office equal the distinct persons of each office\'s events, for every period and a province or office filter', async () => {
    for (const filters of [{}, { province: '17' }, { office: 'G1' }]) {
      for (const p of PERIODS) {
        const params = { ...p, ...filters };
        const cube = await runQuery(w, kpiOfficesAttended, params);
        // The age filter '15-17'..'65+' covers nobody twice: 'youth' plus the older bands is everyone; use the events route by a filter every row passes.
        const events = await fromEvents(
          `SELECT coalesce(a.n, 0)::INTEGER AS n FROM office o
           LEFT JOIN (SELECT office_code, count(DISTINCT px) AS n FROM event_fact WHERE month BETWEEN $from::DATE AND $to::DATE GROUP BY office_code) a USING (office_code)
           WHERE ${'province' in filters ? 'o.province_code = $x' : 'office' in filters ? 'o.office_code = $x' : '$x IS NULL'} ORDER BY o.office_code`,
          { from: `${p.from}-01`, to: `${p.to}-01`, x: (filters as { province?: string; office?: string }).province ?? (filters as { office?: string }).office ?? (null as unknown as string) });
        expect(cube.values[3], JSON.stringify(params)).toEqual(events.values[0]);
      }
    }
  });

  it('routes person and place filters to the events', async () => {
    expect(kpiSummaryAttended.build(kpiSummaryAttended.params.parse({ from: '2024-01', to: '2024-03' }), null).sql).toContain('attendance_reach');
    expect(kpiSummaryAttended.build(kpiSummaryAttended.params.parse({ channel: 'portal' }), null).sql).toContain('channel_reach');
    for (const f of [{ sex: 'F' }, { province: '17' }, { channel: 'workshop' }]) {
      expect(kpiSummaryAttended.build(kpiSummaryAttended.params.parse(f), null).sql, JSON.stringify(f)).toContain('event_fact');
    }
    expect(kpiOfficesAttended.build(kpiOfficesAttended.params.parse({ province: '17' }), null).sql).toContain('office_attendance_reach');
    expect(kpiOfficesAttended.build(kpiOfficesAttended.params.parse({ sex: 'M' }), null).sql).not.toContain('office_attendance_reach');
  });
});
