import { describe, expect, it } from 'vitest';
import { genderGaps } from './gender-gap.ts';
import type { Estimate } from './survey-format.ts';

const est = (period: string, sex: string, estimate: number | null, se: number | null): Estimate =>
  ({ period, sex, estimate, se, cv: null, ci_low: null, ci_high: null, n: 100, flag: estimate === null ? 'not_published' : 'reliable' });

describe('genderGaps', () => {
  it('is women minus men in percentage points, with ±1.96·√(SE_F² + SE_M²)', () => {
    const [g] = genderGaps([est('2025-06', 'F', 0.12, 0.03), est('2025-06', 'M', 0.08, 0.04)], false);
    expect(g!.gap).toBeCloseTo(4, 12);
    // √(0.03² + 0.04²) = 0.05 → ±1.96 × 5 pp = ±9.8 pp.
    expect(g!.low).toBeCloseTo(4 - 9.8, 12);
    expect(g!.high).toBeCloseTo(4 + 9.8, 12);
  });

  it('keeps money in its unit, orders periods and skips periods where either sex is not published', () => {
    const gaps = genderGaps([
      est('2025-09', 'F', 450, 10), est('2025-09', 'M', 500, 10),
      est('2025-06', 'F', 440, 10), est('2025-06', 'M', null, null),
      est('2025-03', 'F', 430, 20), est('2025-03', 'M', 470, 15),
    ], true);
    expect(gaps.map((g) => [g.period, g.gap])).toEqual([['2025-03', -40], ['2025-09', -50]]);
    expect(gaps[0]!.high - gaps[0]!.gap).toBeCloseTo(1.96 * 25, 12);
  });
});
