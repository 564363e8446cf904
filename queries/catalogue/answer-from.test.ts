import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { kpiTrend } from '../kpi/kpi-trend.ts';
import { targetSectors } from '../market/target-sectors.ts';
import { answerFrom, type QueryAnswer } from './run-query.ts';

const names = ['rank', 'sector_code', 'lq_norm', 'growth_norm', 'tightness_norm', 'youth_norm', 'lq_contribution', 'growth_contribution', 'tightness_contribution', 'youth_contribution', 'score', 'reasons'];
const base: QueryAnswer = {
  query: 'target-sectors', freshness: { loadedAt: '2026-11-01T00:00:00', sources: ['vacancies'] }, names, types: names.map(() => 'X'), rowCount: 2,
  values: [[1, 2], ['C', 'A'], [1, 0], [0, 1], [0, 0], [0, 0], [0.35, 0], [0, 0.3], [0, 0], [0, 0], [0.35, 0.3], ['specialised', '']],
};
const noSql = new Proxy({}, { get: () => { throw new Error('no SQL may run'); } }) as Warehouse;
const noPart = () => Promise.reject(new Error('no part asked for'));

describe('answerFrom', () => {
  it('works a new ranking out of the cached default answer, without running SQL', async () => {
    const seen: string[] = [];
    const source = { cached: (k: string) => (seen.push(k), Promise.resolve(base)), keyOf: (_q: unknown, p: Record<string, unknown>) => JSON.stringify(Object.entries(p).filter(([, v]) => v !== undefined).sort()), part: noPart };
    const answer = await answerFrom(source, noSql,
      targetSectors, { territory: '17', w_lq: '0', w_growth: '1', w_tightness: '0', w_youth: '0' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('"w_lq",0.35');
    expect(answer.values[1]).toEqual(['A', 'C']);
    expect(answer.values[0]).toEqual([1, 2]);
    expect(answer.values[10]).toEqual([1, 0]);
    expect(answer.values[11]).toEqual(['', 'specialised']);
    expect(answer.freshness).toEqual(base.freshness);
  });

  it('runs the query when the base answer is not at hand', async () => {
    await expect(answerFrom({ cached: () => undefined, keyOf: () => 'k', part: noPart }, noSql, targetSectors, { territory: '17', w_lq: '0.5' })).rejects.toThrow('no SQL may run');
  });
});

describe('answerFrom, a period of the KPI trend', () => {
  const months = ['2024-01', '2024-02', '2024-03'];
  const trend: QueryAnswer = {
    query: 'kpi-trend', freshness: { loadedAt: null, sources: [] }, names: ['month', 'placements'], types: ['VARCHAR', 'INTEGER'], rowCount: 3, values: [months, [5, 6, 7]],
  };
  const source = (seen: string[]) => ({ cached: (k: string) => (seen.push(k), Promise.resolve(trend)), keyOf: (_q: unknown, p: Record<string, unknown>) => JSON.stringify(p), part: noPart });

  it('is a slice of the cached answer without a period, keyed by the same filters', async () => {
    const seen: string[] = [];
    const answer = await answerFrom(source(seen), noSql, kpiTrend, { from: '2024-02', to: '2024-03', sex: 'F' });
    expect(seen).toEqual([JSON.stringify({ sex: 'F' })]);
    expect(answer.values).toEqual([['2024-02', '2024-03'], [6, 7]]);
  });

  it('runs the query when the cached answer does not cover the period', async () => {
    await expect(answerFrom(source([]), noSql, kpiTrend, { from: '2023-12', to: '2024-03' })).rejects.toThrow('no SQL may run');
  });
});
