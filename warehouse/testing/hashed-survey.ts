import type { Warehouse } from '../warehouse.ts';

/**
 * Inserts `persons` survey persons of one round ('2025-03') into `survey_person`, every column
 * drawn from a hash of the row number (the same rows on every run): 12 persons per PSU, 100 PSUs
 * per stratum, weights with ten decimals. 300 k persons fill three of DuckDB's row groups, so
 * that its threads share every group's sums, as tests of run-to-run sameness need.
 */
export async function insertHashedSurvey(w: Warehouse, persons: number): Promise<void> {
  await w.run(`INSERT INTO survey_person
    SELECT '2025-03', 'k' || i, 1 + hash(i, 1) % 2, lpad((1 + hash(i, 2) % 24)::VARCHAR, 2, '0'), 1 + hash(i, 3) % 2, 15 + hash(i, 4) % 60,
      (hash(i, 5) % 10)::TINYINT, 1 + hash(i, 6) % 3, 1 + hash(i, 7) % 21, hash(i, 8) % 10, 200 + hash(i, 9) % 900, 3, false,
      10 + (hash(i, 10) % 10000000000) / 10000000.0, 'u' || (i // 12), 's' || (i // 1200), 1, 1 + hash(i, 11) % 9
    FROM range(?) t(i)`, [persons]);
}
