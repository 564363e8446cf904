/** SQL fragments shared by the source contracts. */

/**
 * The keyed pseudonym of a value: HMAC-SHA-256 computed in SQL from the key's inner and outer
 * pads, bound as `$key_inner` and `$key_outer`, so the key itself never reaches the database.
 * Truncated to 128 bits (32 hex digits), ample against collisions at national scale.
 */
export function pseudonym(expr: string): string {
  return `left(sha256(unhex($key_outer) || unhex(sha256(unhex($key_inner) || encode(${expr})))), 32)`;
}

/** Youth-aware age bands used across the observatory. */
export function ageBand(ageExpr: string): string {
  return `CASE WHEN ${ageExpr} < 18 THEN '15-17' WHEN ${ageExpr} < 25 THEN '18-24' WHEN ${ageExpr} < 30 THEN '25-29'
    WHEN ${ageExpr} < 45 THEN '30-44' WHEN ${ageExpr} < 65 THEN '45-64' ELSE '65+' END`;
}

/** Completed years between a birth date and a later date. */
export function ageAt(birthExpr: string, dateExpr: string): string {
  return `date_diff('year', ${birthExpr}, ${dateExpr}) - CASE WHEN strftime(${dateExpr}, '%m%d') < strftime(${birthExpr}, '%m%d') THEN 1 ELSE 0 END`;
}

/** First day of the month of a date. */
export function monthOf(dateExpr: string): string {
  return `date_trunc('month', ${dateExpr})::DATE`;
}

/** Firm size bands by number of workers (Ecuador's micro 1-9, small 10-49, medium 50-199, large 200+). */
export function sizeBand(workersExpr: string): string {
  return `CASE WHEN ${workersExpr} < 10 THEN 'micro' WHEN ${workersExpr} < 50 THEN 'small' WHEN ${workersExpr} < 200 THEN 'medium' ELSE 'large' END`;
}
