import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { REBUILD_SURVEY_EMPLOYED } from './survey-employed.ts';
import { insertHashedSurvey } from './testing/hashed-survey.ts';
import { Warehouse } from './warehouse.ts';

let w: Warehouse;
beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
  await insertHashedSurvey(w, 300_000);
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
