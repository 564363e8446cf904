import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log.ts';

describe('AuditLog', () => {
  let log: AuditLog;
  beforeAll(async () => {
    log = await AuditLog.open(':memory:');
  });
  afterAll(() => log.close());

  it('keeps every entry of concurrent requests, and an entry that fails fails alone', async () => {
    const entry = (i: number) => ({ at: new Date(Date.UTC(2026, 10, 1, 12, 0, i)), username: `user${i}`, role: 'concertador', query: 'followup-due', params: { days: i }, rows: i });
    const bad = { ...entry(99), username: null as unknown as string };
    const results = await Promise.allSettled([entry(1), entry(2), bad, entry(3), entry(4)].map((e) => log.record(e)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const recent = await log.recent();
    expect(recent.map((r) => [r.username, r.params, r.rows])).toEqual([4, 3, 2, 1].map((i) => [`user${i}`, { days: i }, i]));
    expect(recent[0]!.at).toBe('2026-11-01T12:00:04');
  });
});
