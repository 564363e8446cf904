/** One row of the `survey-indicator` query as the page uses it. */
export interface Estimate {
  period: string;
  sex: string | null;
  estimate: number | null;
  se: number | null;
  cv: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  flag: 'reliable' | 'caution' | 'not_published';
}

/** Indicators measured in money rather than as shares. */
export const MONEY_INDICATORS = new Set(['median_labour_income']);

/** The estimate of a period, and the one before it when the trend holds one. */
export function currentAndPrevious(rows: readonly Estimate[], period: string): { current: Estimate | null; previous: Estimate | null } {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  const i = sorted.findIndex((r) => r.period === period);
  return { current: i >= 0 ? sorted[i]! : null, previous: i > 0 ? sorted[i - 1]! : null };
}

/** Change between two published estimates, in percentage points for shares; null if either is hidden. */
export function change(current: Estimate | null, previous: Estimate | null, money: boolean): number | null {
  if (current?.estimate == null || previous?.estimate == null) return null;
  return money ? current.estimate - previous.estimate : (current.estimate - previous.estimate) * 100;
}
