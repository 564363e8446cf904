import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../warehouse/migrate.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { INDICATORS } from '../survey/indicators.ts';
import { surveyIndicator } from '../survey/survey-indicator.ts';
import { AnswerCache, answerKey, cacheKey } from './answer-cache.ts';
import { CATALOGUE } from './catalogue.ts';
import { parseParams, runQuery } from './run-query.ts';
import { warmUp } from './warm-up.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-warm-'));
let served: Warehouse;

beforeAll(async () => {
  // Two survey periods of 600 people in 2 strata x 6 PSUs, with every breakdown present.
  const w = await Warehouse.open({ path: join(dir, 'w.duckdb'), access: 'write' });
  await migrate(w);
  await w.run(`INSERT INTO survey_person
    SELECT period, 'k' || i, 1 + i % 2, CASE WHEN i % 3 = 0 THEN '09' ELSE '17' END, 1 + (i // 2) % 2, 15 + i % 50,
      CASE WHEN i % 7 = 0 THEN 7 WHEN i % 11 = 0 THEN 9 ELSE 1 + i % 4 END, 1 + i % 2, NULL, NULL, 300 + i % 500, NULL, i % 5 = 0,
      100 + i % 13, 'u' || (i % 12), 's' || (i % 2), 1, NULL
    FROM range(600) t(i), (VALUES ('2025-06'), ('2025-09')) p(period)`);
  w.close();
  served = await Warehouse.open({ path: join(dir, 'w.duckdb'), access: 'read' });
});
afterAll(() => {
  served?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('warmUp', () => {
  it('precomputes firm lists only for the territory sets of the outreach staff it is given', async () => {
    const firmLevel = CATALOGUE.filter((q) => q.firmLevel && q.warm);
    expect(firmLevel.length).toBeGreaterThan(0);
    const alone = new AnswerCache();
    const withoutStaff = await warmUp(served, alone, CATALOGUE);
    const staff = [
      { username: 'ana', role: 'concertador' as const, territories: ['17', '09'] },
      { username: 'beto', role: 'concertador' as const, territories: ['09', '17'] },
      { username: 'carla', role: 'concertador' as const, territories: ['01'] },
    ];
    const cache = new AnswerCache();
    const report = await warmUp(served, cache, CATALOGUE, staff);
    const perSet = firmLevel.reduce((n, q) => n + (q.warm!.params as readonly unknown[]).length, 0);
    // Ana and Beto share one territory set: two sets in all.
    expect(report.computed - withoutStaff.computed).toBe(2 * perSet);
    for (const q of firmLevel) {
      const params = (q.warm!.params as readonly Record<string, string>[])[0]!;
      const validated = parseParams(q, params) as Record<string, unknown>;
      expect(alone.isPinned(served, answerKey(q, validated, staff[0]!))).toBe(false);
      expect(cache.isPinned(served, answerKey(q, validated, staff[1]!))).toBe(true);
      const pinned = await cache.get(served, answerKey(q, validated, staff[2]!), () => Promise.reject(new Error('should be pinned')));
      expect(pinned.values).toEqual((await runQuery(served, q, params, {}, staff[2]!)).values);
    }
  });

  it('puts a firm list with parts together from them, so that the parts are ready for the first change of weights', async () => {
    let combined = 0;
    const catalogue = CATALOGUE.map((q) => (q.parts && q.firmLevel && q.warm
      ? { ...q, parts: { ...q.parts, combine: (answers: Parameters<typeof q.parts.combine>[0], params: Parameters<typeof q.parts.combine>[1]) => { combined++; return q.parts!.combine(answers, params); } } }
      : q));
    const withParts = catalogue.filter((q) => q.parts && q.firmLevel && q.warm);
    expect(withParts.length).toBeGreaterThan(0);
    const cache = new AnswerCache();
    await warmUp(served, cache, catalogue, [{ username: 'dora', role: 'concertador', territories: ['17'] }]);
    expect(combined).toBe(withParts.reduce((n, q) => n + (q.warm!.params as readonly unknown[]).length, 0));
  });

  it('pins every declared answer and derives each period\'s answer as a slice of the all-period one', async () => {
    const cache = new AnswerCache(1);
    const report = await warmUp(served, cache, CATALOGUE);
    // This warehouse holds two survey periods and no vacancies: the years to warm are read from it.
    // Parameter sets that differ only in filters a query ignores (`inert`) share one answer.
    const sets = async (q: (typeof CATALOGUE)[number]) => {
      const all = typeof q.warm?.params === 'function' ? await q.warm.params(served) : q.warm?.params ?? [];
      return new Set(all.map((p) => answerKey(q, parseParams(q, p) as Record<string, unknown>, null))).size;
    };
    let bySurveyPeriod = 0;
    let whole = 0;
    for (const q of CATALOGUE.filter((c) => !c.firmLevel)) {
      const split = q.warm?.splitBy as { column: string } | undefined;
      if (split?.column === 'period') bySurveyPeriod += await sets(q);
      else whole += await sets(q);
    }
    expect(bySurveyPeriod).toBeGreaterThanOrEqual(INDICATORS.length * 5);
    expect(whole).toBeGreaterThan(0);
    expect(report.computed).toBe(bySurveyPeriod + whole);
    // Two survey periods: each answer split by period yields two slices.
    expect(report.derived).toBe(bySurveyPeriod * 2);
    for (const params of [
      { indicator: 'youth_unemployment_15_24', by: 'sex', period: '2025-09' },
      { indicator: 'median_labour_income', period: '2025-06' },
      { indicator: 'informality_rate', by: 'province', period: '2025-06' },
    ]) {
      const key = cacheKey(surveyIndicator.name, parseParams(surveyIndicator, params) as Record<string, unknown>);
      expect(cache.isPinned(served, key)).toBe(true);
      const pinned = await cache.get(served, key, () => Promise.reject(new Error('should be pinned')));
      const direct = await runQuery(served, surveyIndicator, params);
      expect(pinned.rowCount).toBeGreaterThan(0);
      expect(pinned.values).toEqual(direct.values);
    }
    // Pinned answers survive a cache far smaller than them.
    await cache.get(served, 'other', async () => runQuery(served, surveyIndicator, { indicator: 'labour_force' }));
    expect(cache.isPinned(served, cacheKey(surveyIndicator.name, parseParams(surveyIndicator, { indicator: 'labour_force' }) as Record<string, unknown>))).toBe(true);
  });
});
