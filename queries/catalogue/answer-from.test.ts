import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.ts';
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
