import { afterAll, beforeAll, expect } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition } from '../catalogue/query-definition.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { insertKpiFixture } from './insert-kpi-fixture.ts';

/** What a KPI query's test file works with. */
export interface KpiSuite {
  /** The in-memory warehouse holding the hand-made world (ready from `beforeAll` on). */
  warehouse(): Warehouse;
  /** The query's answer for the parameters, as rows of values in column order (checked against the declared columns). */
  rows(params: Record<string, unknown>): Promise<unknown[][]>;
}

/** Registers the hand-made KPI world ({@link insertKpiFixture}) for a test file of one query. */
export function kpiSuite(query: QueryDefinition): KpiSuite {
  let w: Warehouse;
  beforeAll(async () => {
    w = await memoryWarehouse();
    await insertKpiFixture(w);
  });
  afterAll(() => w?.close());
  return {
    warehouse: () => w,
    rows: async (params) => {
      const a = await runQuery(w, query, params);
      expect(a.names).toEqual(query.columns.map((c) => c.name));
      return Array.from({ length: a.rowCount }, (_, r) => a.values.map((col) => col[r]));
    },
  };
}
