/**
 * The latest date p with `p + INTERVAL months MONTH <= end` (`end`: a scalar SQL expression of a
 * DATE), as a scalar SQL expression; NULL when `end` is NULL. A date column satisfies
 * `col + INTERVAL months MONTH <= end` exactly when `col <= observableUntil(months, end)`, since
 * adding months never goes backwards; and one date comparison per row costs far less than adding
 * an interval to every row (a third of the per-office placement query at mx). The answer lies
 * within 3 days of `end − months` (month ends clamp), so nine candidates are tried.
 */
export function observableUntil(months: number, end: string): string {
  return `(SELECT max(c.day) FROM (
      SELECT (f.d - INTERVAL ${months} MONTH)::DATE + (r.i::INTEGER - 4) AS day, f.d FROM range(9) r(i), (SELECT ${end} AS d) f
    ) c WHERE c.day + INTERVAL ${months} MONTH <= c.d)`;
}
