import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { CATALOGUE } from '../catalogue/catalogue.ts';
import type { QueryDefinition } from '../catalogue/query-definition.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';
import { KPI_OFFICES_PARTS } from './kpi-offices-parts.ts';
import { KPI_SUMMARY_PARTS } from './kpi-summary-parts.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
  await insertKpiFixture(w);
});
afterAll(() => w.close());

/** A value of each KPI filter that selects rows of the fixture. */
const VALUES: Record<string, string[]> = { sector: ['G', 'A'], occupation: ['5', '9'], channel: ['portal', 'workshop', 'counselling'], sex: ['F', 'M'], age: ['youth', '30-44'] };
const withInert = [...CATALOGUE, ...KPI_SUMMARY_PARTS, ...KPI_OFFICES_PARTS].filter((q): q is QueryDefinition & { inert: readonly string[] } => !!q.inert?.length);

describe('filters a query declares inert', () => {
  it('are declared by the KPI queries that ignore them', () => {
    expect(withInert.map((q) => q.name).sort()).toEqual(expect.arrayContaining(['kpi-channels', 'kpi-funnel', 'kpi-vacancy-cohorts', 'kpi-summary-registrations', 'kpi-summary-attended', 'kpi-offices-attended']));
  });

  it('never change an answer, so serving the answer without them is right', async () => {
    for (const q of withInert) {
      for (const base of [{ from: '2024-01', to: '2024-03' }, { from: '2023-10', to: '2024-06', province: '17' }]) {
        const without = await runQuery(w, q, base);
        for (const name of q.inert) {
          for (const value of VALUES[name] ?? []) {
            const got = await runQuery(w, q, { ...base, [name]: value });
            expect(got.values, `${q.name} ${name}=${value}`).toEqual(without.values);
          }
        }
      }
    }
  });

  it('would be caught if one did matter', async () => {
    const summary = CATALOGUE.find((q) => q.name === 'kpi-summary')!;
    const a = await runQuery(w, summary, { from: '2024-01', to: '2024-03' });
    const b = await runQuery(w, summary, { from: '2024-01', to: '2024-03', sector: 'G' });
    expect(b.values).not.toEqual(a.values);
  });
});
