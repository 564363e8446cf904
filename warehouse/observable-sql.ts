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

/**
 * A one-row relation of the observability bounds `o1`, `o3` and `o6` (see {@link observableUntil})
 * of the follow-up end `end`: CROSS JOINed as `e` beside placements `p` for the follow-up counts.
 */
export function followupBounds(end: string): string {
  return `(SELECT ${[1, 3, 6].map((m) => `${observableUntil(m, end)} AS o${m}`).join(', ')})`;
}

/** Placements `p` observable at `months` (their follow-up due by the end, bounds `e`). */
export const dueAt = (months: 1 | 3 | 6) => `count(*) FILTER (WHERE p.placed_on <= e.o${months})`;
/** Of them, those followed up then. */
export const followedUpAt = (months: 1 | 3 | 6) => `count(*) FILTER (WHERE p.placed_on <= e.o${months} AND p.has${months})`;
/** Of them, those still employed then. */
export const retainedAt = (months: 3 | 6) => `count(*) FILTER (WHERE p.placed_on <= e.o${months} AND p.emp${months})`;

/**
 * The follow-up counts of placements `p` beside their bounds `e` ({@link followupBounds}), as
 * `followed_up_3m, retained_3m, followed_up_6m, retained_6m, done, due`: followed up and still
 * employed at 3 and 6 months, and the follow-ups done of those due at 1, 3 and 6 months.
 */
export const FOLLOWUP_COUNTS = `${followedUpAt(3)} AS followed_up_3m, ${retainedAt(3)} AS retained_3m,
     ${followedUpAt(6)} AS followed_up_6m, ${retainedAt(6)} AS retained_6m,
     ${followedUpAt(1)} + ${followedUpAt(3)} + ${followedUpAt(6)} AS done,
     ${dueAt(1)} + ${dueAt(3)} + ${dueAt(6)} AS due`;

/**
 * The bits of a placement's follow-up flags ({@link FOLLOWUP_FLAGS_SQL}): due (observable) at 1,
 * 3 and 6 months; followed up at each; still employed at 3 and 6. Followed up at k months counts
 * when due and followed up, as {@link followedUpAt} does; likewise retained.
 */
export const FOLLOWUP_FLAG = { due1: 1, due3: 2, due6: 4, has1: 8, has3: 16, has6: 32, emp3: 64, emp6: 128 } as const;

/** A placement `p`'s {@link FOLLOWUP_FLAG}s beside its bounds `e` ({@link followupBounds}), as one INTEGER. */
export const FOLLOWUP_FLAGS_SQL = `(${[
  ['coalesce(p.placed_on <= e.o1, false)', FOLLOWUP_FLAG.due1], ['coalesce(p.placed_on <= e.o3, false)', FOLLOWUP_FLAG.due3],
  ['coalesce(p.placed_on <= e.o6, false)', FOLLOWUP_FLAG.due6], ['p.has1', FOLLOWUP_FLAG.has1], ['p.has3', FOLLOWUP_FLAG.has3],
  ['p.has6', FOLLOWUP_FLAG.has6], ['p.emp3', FOLLOWUP_FLAG.emp3], ['p.emp6', FOLLOWUP_FLAG.emp6],
].map(([cond, bit]) => `CASE WHEN ${cond} THEN ${bit} ELSE 0 END`).join(' + ')})::INTEGER`;
