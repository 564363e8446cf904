import { describe, expect, it } from 'vitest';
import { change, currentAndPrevious, type Estimate } from './survey-format.ts';

const e = (period: string, estimate: number | null): Estimate => ({ period, sex: null, estimate, se: null, cv: null, ci_low: null, ci_high: null, n: 100, flag: estimate === null ? 'not_published' : 'reliable' });

describe('survey figures on the public page', () => {
  it('finds the period and the one before it', () => {
    const rows = [e('2025-06', 0.1), e('2025-03', 0.12), e('2025-09', 0.09)];
    expect(currentAndPrevious(rows, '2025-06')).toEqual({ current: rows[0], previous: rows[1] });
    expect(currentAndPrevious(rows, '2025-03').previous).toBeNull();
  });

  it('computes changes in percentage points, and none against a hidden estimate', () => {
    expect(change(e('2025-06', 0.1), e('2025-03', 0.125), false)).toBeCloseTo(-2.5, 10);
    expect(change(e('2025-06', 320), e('2025-03', 300), true)).toBe(20);
    expect(change(e('2025-06', 0.1), e('2025-03', null), false)).toBeNull();
  });
});
