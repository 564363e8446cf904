/** Thresholds deciding whether a survey estimate is published (DESIGN.md defaults). */
export interface QualityThresholds {
  /** Fewest persons in the denominator (unweighted) for an estimate to be published. */
  minN: number;
  /** Largest coefficient of variation of a reliable estimate. */
  reliableCv: number;
  /** Largest coefficient of variation of an estimate published with caution. */
  cautionCv: number;
}

/** Defaults: n >= 30; CV <= 15% reliable, 15-30% use with caution, > 30% not published. */
export const DEFAULT_QUALITY: QualityThresholds = { minN: 30, reliableCv: 0.15, cautionCv: 0.3 };

/** Quality flags of an estimate. */
export type QualityFlag = 'reliable' | 'caution' | 'not_published';

/**
 * The flag rule as SQL over an unweighted count and a CV. The CV is rounded to 6 decimals
 * first, so the last digits of multi-threaded float sums can never flip a flag.
 */
export function qualityFlagSql(n: string, cv: string, q: QualityThresholds = DEFAULT_QUALITY): string {
  const c = `round(${cv}, 6)`;
  return `CASE WHEN ${n} < ${q.minN} OR ${cv} IS NULL OR ${c} > ${q.cautionCv} THEN 'not_published'
    WHEN ${c} > ${q.reliableCv} THEN 'caution' ELSE 'reliable' END`;
}

/** The same rule in JS (for tests and for pages that explain a flag). */
export function qualityFlag(n: number, cv: number | null, q: QualityThresholds = DEFAULT_QUALITY): QualityFlag {
  if (n < q.minN || cv === null || !Number.isFinite(cv)) return 'not_published';
  const c = Math.round(cv * 1e6) / 1e6;
  return c > q.cautionCv ? 'not_published' : c > q.reliableCv ? 'caution' : 'reliable';
}
