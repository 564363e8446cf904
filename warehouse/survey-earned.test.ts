import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REBUILD_SURVEY_EARNED } from './survey-earned.ts';
import { memoryWarehouse } from './testing/memory-warehouse.ts';
import type { Warehouse } from './warehouse.ts';

let w: Warehouse;

beforeAll(async () => {
  w = await memoryWarehouse();
  let n = 0;
  const person = (period: string, province: string, condact: number, grupo1: number | null, ingrl: number | null, fexp: number) => w.run(
    `INSERT INTO survey_person (period, person_key, area, province_code, sex, age, condact, secemp, rama1, grupo1, ingrl, nivinst, attends, fexp, upm, estrato, load_id)
     VALUES (?, ?, 1, ?, 1, 30, ?, NULL, NULL, ?, ?, NULL, false, ?, 'U1', 'E1', 1)`,
    [period, `P${++n}`, province, condact, grupo1, ingrl, fexp]);
  // Group 5 in 17: incomes 300 (weight 1), 450 (2), 700 (2): half the weight (2.5) is reached at 450.
  await person('2024-09', '17', 1, 5, 300, 1);
  await person('2024-09', '17', 2, 5, 700, 2);
  await person('2024-09', '17', 1, 5, 450, 2);
  await person('2024-09', '17', 1, 5, null, 5); // income not reported
  await person('2024-09', '17', 7, 5, 5000, 9); // not employed
  await person('2024-09', '09', 1, 5, 200, 6); // with it, the nation's half (5.5) is reached at 200
  await person('2024-09', '09', 1, 10, 900, 1); // armed forces: major group 0
  await person('2024-09', '09', 1, null, 900, 1); // occupation not reported
  for (const statement of REBUILD_SURVEY_EARNED) await w.run(statement);
});
afterAll(() => w?.close());

describe('survey_round and survey_earned', () => {
  it('lists the rounds held', async () => {
    expect(await w.rows('SELECT period FROM survey_round')).toEqual([{ period: '2024-09' }]);
  });

  it('keeps the weighted median income and the earners by round, province or nation, and major group', async () => {
    expect(await w.rows('SELECT period, scope, occupation_code, median_earned, earners FROM survey_earned ORDER BY ALL')).toEqual([
      { period: '2024-09', scope: '09', occupation_code: '0', median_earned: 900, earners: 1 },
      { period: '2024-09', scope: '09', occupation_code: '5', median_earned: 200, earners: 1 },
      { period: '2024-09', scope: '17', occupation_code: '5', median_earned: 450, earners: 3 },
      { period: '2024-09', scope: 'EC', occupation_code: '0', median_earned: 900, earners: 1 },
      { period: '2024-09', scope: 'EC', occupation_code: '5', median_earned: 200, earners: 4 },
    ]);
  });
});
