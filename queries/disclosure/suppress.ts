/** Why a published cell shows no figure. */
export type SuppressionReason = 'primary' | 'complementary';

/** Disclosure thresholds for counts of people (DESIGN.md default: 10). */
export interface CountThresholds {
  minPeople: number;
}

/** The default: a published count of people must be at least 10, or zero. */
export const DEFAULT_COUNT_THRESHOLDS: CountThresholds = { minPeople: 10 };

/**
 * Disclosure thresholds for cells built from firms (the US BLS QCEW rule, DESIGN.md): a cell needs
 * at least `minFirms` distinct firms, and its largest firm must hold less than
 * `dominanceNumerator / dominanceDenominator` of the cell's value. Integers, so that the test
 * `denominator × largest >= numerator × total` is exact.
 */
export interface FirmThresholds {
  minFirms: number;
  dominanceNumerator: number;
  dominanceDenominator: number;
}

/** The default: at least 3 firms, and no firm with 80% (8/10) or more of the cell. */
export const DEFAULT_FIRM_THRESHOLDS: FirmThresholds = { minFirms: 3, dominanceNumerator: 8, dominanceDenominator: 10 };

/** One cell of a partition and what may be published of it. */
export interface ProtectedCell {
  count: number | null;
  reason: SuppressionReason | null;
}

/**
 * Suppresses the cells of one partition (cells that add up to a published total). Primary: a
 * count between 1 and minPeople − 1. Complementary: while the suppressed cells could be
 * recovered by subtracting the published ones from the total (a single suppressed cell) or their
 * sum is itself below the threshold, the smallest published non-zero cell is suppressed too.
 * Counts are integers, so the decisions cannot depend on the order of floating-point sums.
 */
export function protectPartition(counts: readonly number[], t: CountThresholds = DEFAULT_COUNT_THRESHOLDS): ProtectedCell[] {
  const reasons: (SuppressionReason | null)[] = counts.map((c) => (c > 0 && c < t.minPeople ? 'primary' : null));
  const suppressedSum = () => counts.reduce((s, c, i) => s + (reasons[i] ? c : 0), 0);
  const suppressedCount = () => reasons.filter(Boolean).length;
  while (suppressedCount() > 0 && (suppressedCount() === 1 || suppressedSum() < t.minPeople)) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (!reasons[i] && c > 0 && (pick < 0 || c < counts[pick]!)) pick = i;
    });
    if (pick < 0) break;
    reasons[pick] = 'complementary';
  }
  return counts.map((c, i) => ({ count: reasons[i] ? null : c, reason: reasons[i]! ?? null }));
}
