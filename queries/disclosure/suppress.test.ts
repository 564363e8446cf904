import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectPartition } from './suppress.ts';

describe('protectPartition', () => {
  it('suppresses small counts and one more so that subtraction cannot recover them', () => {
    expect(protectPartition([120, 4, 35, 0, 60])).toEqual([
      { count: 120, reason: null }, { count: null, reason: 'primary' }, { count: null, reason: 'complementary' },
      { count: 0, reason: null }, { count: 60, reason: null },
    ]);
    expect(protectPartition([3, 2, 50, 40]).map((c) => c.reason)).toEqual(['primary', 'primary', null, 'complementary']);
    expect(protectPartition([30, 40, 50]).every((c) => c.reason === null)).toBe(true);
  });

  it('never leaves a suppressed cell recoverable, nor a suppressed group below the threshold (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 30 }), (counts) => {
      const cells = protectPartition(counts);
      const hidden = cells.map((c, i) => (c.count === null ? counts[i]! : null)).filter((x): x is number => x !== null);
      for (const [i, c] of cells.entries()) {
        if (c.count !== null) {
          expect(c.count).toBe(counts[i]);
          expect(c.count === 0 || c.count >= 10).toBe(true);
        }
      }
      if (hidden.length > 0) {
        const total = counts.reduce((a, b) => a + b, 0);
        const canProtect = total >= 10 && counts.filter((c) => c > 0).length >= 2;
        if (canProtect) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
        }
      }
    }), { numRuns: 2000, seed: 7 });
  });
});
