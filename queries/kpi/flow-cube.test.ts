import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { KpiSql } from './kpi-filters.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { kpiSummaryPlacements, kpiSummaryVacancies, placementsFromCube, placementsFromRecords, vacanciesFromCube, vacanciesFromRecords } from './kpi-summary-parts.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
});
afterAll(() => w.close());

const MONTHS = ['2023-06', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-07', '2024-09'];

describe('placement and vacancy figures from the flow cube', () => {
  it('equal those computed from the records, for every period', async () => {
    let compared = 0;
    for (const [i, from] of MONTHS.entries()) {
      for (const to of MONTHS.slice(i)) {
        const run = async (build: (k: KpiSql) => string) => {
          const k = new KpiSql({ from, to }, 12);
          const sql = build(k);
          return w.columns(sql, k.params);
        };
        for (const [fromCube, fromRecords] of [[placementsFromCube, placementsFromRecords], [vacanciesFromCube, vacanciesFromRecords]]) {
          const [cube, records] = [await run(fromCube!), await run(fromRecords!)];
          expect(cube.names).toEqual(records.names);
          expect(cube.types, `${from}..${to}`).toEqual(records.types);
          records.values.forEach((col, c) => {
            const [got, want] = [cube.values[c]![0], col[0]];
            if (typeof want === 'number' && !Number.isInteger(want)) expect(got, `${from}..${to} ${records.names[c]}`).toBeCloseTo(want, 9);
            else expect(got, `${from}..${to} ${records.names[c]}`).toEqual(want);
          });
          const at = records.names.indexOf(fromCube === placementsFromCube ? 'placements' : 'vacancies');
          compared += Number(records.values[at]![0]);
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('is read without any filter that applies: any filter for placements, a vacancy filter for vacancies', () => {
    const sql = (part: typeof kpiSummaryPlacements, f: Record<string, string | undefined>) => part.build(part.params.parse(f), null).sql;
    expect(sql(kpiSummaryPlacements, { from: '2024-01', to: '2024-03' })).toContain('FROM placement_month m');
    expect(sql(kpiSummaryVacancies, { from: '2024-01', to: '2024-03', sex: 'F', age: 'youth', channel: 'portal' })).toContain('FROM vacancy_month v');
    for (const f of [{ sector: 'G' }, { sex: 'F' }, { channel: 'portal' }, { province: '17' }]) {
      expect(sql(kpiSummaryPlacements, f), JSON.stringify(f)).not.toContain('FROM placement_month m');
    }
    for (const f of [{ sector: 'G' }, { occupation: '5' }, { office: 'OF-1701' }, { province: '17' }]) {
      expect(sql(kpiSummaryVacancies, f), JSON.stringify(f)).not.toContain('FROM vacancy_month v');
    }
  });
});
