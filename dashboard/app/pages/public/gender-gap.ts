import type { Estimate } from './survey-format.ts';

/** The gap between women and men in one period, with its approximate 95% interval. */
export interface Gap {
  period: string;
  women: number;
  men: number;
  /** Women − men: percentage points for shares, the indicator's unit for money. */
  gap: number;
  low: number;
  high: number;
}

/**
 * Gender gaps per period from an indicator's estimates by sex: women − men, only where both are
 * published, with ±1.96·√(SE_F² + SE_M²) (the estimates treated as independent: with positive
 * correlation between the sexes, as within shared households and PSUs, this overstates the SE).
 */
export function genderGaps(rows: readonly Estimate[], money: boolean): Gap[] {
  const scale = money ? 1 : 100;
  const byPeriod = new Map<string, { F?: Estimate; M?: Estimate }>();
  for (const r of rows) {
    if (r.sex !== 'F' && r.sex !== 'M') continue;
    const entry = byPeriod.get(r.period) ?? {};
    entry[r.sex] = r;
    byPeriod.set(r.period, entry);
  }
  const gaps: Gap[] = [];
  for (const [period, { F, M }] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    if (F?.estimate == null || M?.estimate == null || F.se == null || M.se == null) continue;
    const gap = (F.estimate - M.estimate) * scale;
    const half = 1.96 * Math.sqrt(F.se ** 2 + M.se ** 2) * scale;
    gaps.push({ period, women: F.estimate, men: M.estimate, gap, low: gap - half, high: gap + half });
  }
  return gaps;
}
