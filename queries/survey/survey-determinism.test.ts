import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../warehouse/migrate.ts';
import { insertHashedSurvey } from '../../warehouse/testing/hashed-survey.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { indicatorById } from './indicators.ts';
import { surveyCompositionSql, surveySql } from './survey-sql.ts';

let w: Warehouse;
const LOOSE = { minN: 1, reliableCv: 0.15, cautionCv: 10 };

beforeAll(async () => {
  w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await migrate(w);
  await insertHashedSurvey(w, 300_000);
});
afterAll(() => w.close());

/** The rows of `sql` on `runs` runs, each as JSON, so that a last-digit difference shows. */
async function runs(sql: string, n = 4): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(JSON.stringify(await w.rows(sql, { period: null })));
  return out;
}

describe('survey estimates are the same on every run', () => {
  it('shares by sector and sex, to the last digit', async () => {
    const answers = await runs(surveyCompositionSql('true', 'sector', ['sex'], LOOSE));
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!).length).toBeGreaterThan(40);
  });

  it('rates, totals and medians by province, to the last digit', async () => {
    for (const id of ['unemployment_rate', 'working_age_population', 'median_labour_income']) {
      const indicator = indicatorById(id);
      expect(indicator, id).toBeDefined();
      const answers = await runs(surveySql(indicator!, ['province'], LOOSE), 3);
      expect(new Set(answers).size, id).toBe(1);
    }
  });
});
