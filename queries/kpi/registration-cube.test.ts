import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiSummaryRegistrations } from './kpi-summary-parts.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
});
afterAll(() => w.close());

const MONTHS = ['2022-04', '2022-05', '2023-05', '2023-06', '2023-09', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-07', '2025-06'];

describe('registration figures from the registration cube', () => {
  it('equal those computed from the records, for every period', async () => {
    expect(kpiSummaryRegistrations.build(kpiSummaryRegistrations.params.parse({ from: '2024-01' }), null).sql).toContain('registration_reach');
    // The cube's route against the records' SQL (the SQL the query runs under a person or place filter, without one).
    for (const [i, from] of MONTHS.entries()) {
      for (const to of MONTHS.slice(i)) {
        const cube = await runQuery(w, kpiSummaryRegistrations, { from, to });
        const names = cube.names;
        const get = (a: typeof cube, n: string) => a.values[names.indexOf(n)]![0];
        const records = await w.rows<Record<string, number | null>>(`
          WITH reg AS (SELECT * FROM seeker_fact WHERE reg_month BETWEEN $from::DATE AND $to::DATE),
          window_reg AS (SELECT px, min(registered_on) AS first_reg FROM seeker_fact
            WHERE reg_month BETWEEN ($to::DATE - INTERVAL 11 MONTH)::DATE AND $to::DATE GROUP BY px),
          placed AS (SELECT DISTINCT w.px FROM window_reg w JOIN placement_fact p ON p.px = w.px
            WHERE p.month BETWEEN ($to::DATE - INTERVAL 11 MONTH)::DATE AND $to::DATE AND p.placed_on >= w.first_reg)
          SELECT (SELECT count(*) FROM reg)::INTEGER AS registrations, (SELECT count(DISTINCT px) FROM reg)::INTEGER AS persons_registered,
            (SELECT count(*) FROM window_reg w ANTI JOIN placed x ON x.px = w.px)::INTEGER AS active_seekers,
            (SELECT quantile_cont(date_diff('day', registered_on, first_service_on)::DOUBLE, 0.5) FROM reg) AS median_days_to_first_service`,
        { from: `${from}-01`, to: `${to}-01` });
        for (const n of ['registrations', 'persons_registered', 'active_seekers', 'median_days_to_first_service']) {
          expect(get(cube, n), `${from}..${to} ${n}`).toEqual(records[0]![n]);
        }
      }
    }
  });
});
