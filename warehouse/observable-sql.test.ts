import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from './testing/memory-warehouse.ts';
import type { Warehouse } from './warehouse.ts';
import { observableUntil } from './observable-sql.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => w.close());

describe('observableUntil', () => {
  it('splits the dates exactly where adding the months passes the end, for every end date of four years (leap years and month ends included)', async () => {
    for (const months of [1, 3, 6]) {
      const [{ wrong, ends }] = (await w.rows<{ wrong: number; ends: number }>(
        `WITH ends AS (SELECT d::DATE AS d FROM generate_series(DATE '2023-01-01', DATE '2026-12-31', INTERVAL 1 DAY) g(d)),
          bounds AS (SELECT d, ${observableUntil(months, 'ends.d')} AS b FROM ends),
          pairs AS (SELECT b.d, b.b, (b.d - 230 + k::INTEGER) AS p FROM bounds b, range(260) r(k))
        SELECT count(*) FILTER (WHERE (p <= b) <> (p + INTERVAL ${months} MONTH <= d))::INTEGER AS wrong, count(DISTINCT d)::INTEGER AS ends FROM pairs`,
      )) as [{ wrong: number; ends: number }];
      expect(ends).toBe(1461);
      expect(wrong, `${months} months`).toBe(0);
    }
    const [{ b }] = (await w.rows<{ b: string | null }>(`SELECT ${observableUntil(3, 'NULL::DATE')} AS b`)) as [{ b: string | null }];
    expect(b).toBeNull();
  });

  it('is the month-end date a naive subtraction misses', async () => {
    const [{ b }] = (await w.rows<{ b: string }>(`SELECT strftime(${observableUntil(1, "DATE '2024-02-29'")}, '%Y-%m-%d') AS b`)) as [{ b: string }];
    expect(b).toBe('2024-01-31');
  });
});
