import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { REBUILD_SURVEY_EMPLOYED } from './survey-employed.ts';
import { Warehouse } from './warehouse.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
  // 300 k persons (three of DuckDB's row groups, so that its threads share every group's sum),
  // weights with ten decimals, drawn from a hash of the row number.
  await w.run(`INSERT INTO survey_person
    SELECT '2025-03', 'k' || i, 1, lpad((1 + hash(i, 2) % 24)::VARCHAR, 2, '0'), 1, 30, 1 + hash(i, 5) % 9, 1, 1 + hash(i, 7) % 21,
      hash(i, 8) % 10, 500, 3, false, 10 + (hash(i, 10) % 10000000000) / 10000000.0, 'u' || (i // 12), 's' || (i // 1200), 1, 1
    FROM range(300000) t(i)`);
});
afterAll(() => w.close());

describe('survey_employed', () => {
  it('holds the weighted count of the employed, the same to the last digit on every rebuild', async () => {
    const rebuilt: string[] = [];
    for (let i = 0; i < 4; i++) {
      for (const statement of REBUILD_SURVEY_EMPLOYED) await w.run(statement);
      rebuilt.push(JSON.stringify(await w.rows('SELECT * FROM survey_employed ORDER BY ALL')));
    }
    expect(new Set(rebuilt).size).toBe(1);
    const [check] = await w.rows<{ kept: number; summed: number }>(`SELECT (SELECT sum(employed) FROM survey_employed) AS kept,
      (SELECT sum(fexp) FROM survey_person WHERE condact BETWEEN 1 AND 6) AS summed`);
    // Weights rounded to millionths, against doubles added in any order: the same to one part in 10^9.
    expect(Math.abs(check!.kept - check!.summed) / check!.summed).toBeLessThan(1e-9);
  });
});
