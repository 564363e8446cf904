import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { ageingVacancies } from '../outreach/ageing-vacancies.ts';
import { followupDue } from '../outreach/followup-due.ts';
import { targetFirms } from '../outreach/target-firms.ts';
import { surveyComposition } from '../survey/survey-composition.ts';
import { AnswerCache, answerKey, cacheKey } from './answer-cache.ts';
import type { QueryDefinition } from './query-definition.ts';
import { parseParams, type QueryAnswer } from './run-query.ts';

const answer = (n: number) => ({ rowCount: n } as unknown as QueryAnswer);

describe('AnswerCache', () => {
  it('computes once per warehouse and key, and forgets answers of a replaced warehouse', async () => {
    const cache = new AnswerCache(2);
    const w1 = { access: 'read' } as Warehouse;
    const w2 = { access: 'read' } as Warehouse;
    let calls = 0;
    const compute = async () => answer(++calls);
    expect((await cache.get(w1, 'a', compute)).rowCount).toBe(1);
    expect((await cache.get(w1, 'a', compute)).rowCount).toBe(1);
    expect((await cache.get(w2, 'a', compute)).rowCount).toBe(2);
    await cache.get(w1, 'b', compute);
    await cache.get(w1, 'c', compute);
    expect((await cache.get(w1, 'a', compute)).rowCount).toBe(5);
  });

  it('never caches a writable warehouse', async () => {
    const cache = new AnswerCache();
    const w = { access: 'write' } as Warehouse;
    let calls = 0;
    await cache.get(w, 'a', async () => answer(++calls));
    await cache.get(w, 'a', async () => answer(++calls));
    expect(calls).toBe(2);
  });

  it('does not keep failures', async () => {
    const cache = new AnswerCache();
    const w = { access: 'read' } as Warehouse;
    await expect(cache.get(w, 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect((await cache.get(w, 'x', async () => answer(7))).rowCount).toBe(7);
  });

  it('keys parameters regardless of their order', () => {
    expect(cacheKey('q', { a: 1, b: '2' })).toBe(cacheKey('q', { b: '2', a: 1, c: undefined }));
    expect(cacheKey('q', { a: 1 })).not.toBe(cacheKey('q', { a: 2 }));
  });
});

describe('answerKey', () => {
  it('is the same for a default asked for and left out, and differs for another value', () => {
    const viewer = { username: 'c', role: 'concertador' as const, territories: ['17'] };
    const key = (q: QueryDefinition, raw: Record<string, string>) => answerKey(q, parseParams(q, raw) as Record<string, unknown>, viewer);
    expect(key(followupDue, { days: '30' })).toBe(key(followupDue, {}));
    expect(key(followupDue, { days: '60' })).not.toBe(key(followupDue, {}));
    expect(key(ageingVacancies, { min_days: '21', max_referrals: '3', limit: '100' })).toBe(key(ageingVacancies, {}));
    expect(key(surveyComposition, { of: 'employment_type', population: 'employed_15_29' })).toBe(key(surveyComposition, { of: 'employment_type' }));
    expect(key(surveyComposition, { of: 'employment_type', population: 'employed' })).not.toBe(key(surveyComposition, { of: 'employment_type' }));
    expect(key(targetFirms, { limit: '200' })).toBe(key(targetFirms, {}));
    expect(key(targetFirms, { limit: '500' })).not.toBe(key(targetFirms, {}));
  });
});
