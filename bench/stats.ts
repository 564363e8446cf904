/** Percentile of a sample by nearest rank (p in 0..100). */
export function percentile(sample: readonly number[], p: number): number {
  if (!sample.length) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs; returns milliseconds per run. A slow `fn`
 * stops early once `budgetMs` of timed runs have passed (at least 5 runs), so that a query far
 * over its budget does not hold the benchmark for minutes: its figure is then over 5+ runs.
 */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 3, budgetMs = 5_000): Promise<number[]> {
  const w0 = performance.now();
  for (let i = 0; i < warmup && (i === 0 || performance.now() - w0 < budgetMs / 5); i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && (i < 5 || performance.now() - started < budgetMs); i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
