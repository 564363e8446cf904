/**
 * How many values of an ascending array are at most `v` (so also the index of the first value
 * above it): the binary search by which the in-memory indexes find a month's or a day's rows.
 */
export function countAtMost(sorted: Int32Array, v: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
