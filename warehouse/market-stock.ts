/**
 * The market's stock at a day, read from the derived facts (migration 012): active job seekers
 * and open vacancies, by place and by sector or occupation; and that stock at the end of the data
 * kept in `market_stock`. One definition serves both: the market and outreach queries compute the
 * stock at any other day with {@link marketStockCtes}, and read the stored one at the end of the
 * data with {@link storedMarketStockCte}.
 */

/** Months of history a seeker's activity may be older than the period end and still count. */
export const ACTIVE_MONTHS = 12;

/** What a stock counts: all active seekers and open vacancies, or those of each sector or occupation. */
export type StockKind = 'total' | 'sector' | 'occupation';

/** Every kind, in the order `market_stock` holds them. */
export const STOCK_KINDS: readonly StockKind[] = ['total', 'sector', 'occupation'];

/**
 * CTE `e(m, d, lo)` for a day given as SQL (a bound parameter or a subquery): `d` the day, `m`
 * its month, `lo` the first month of the ${ACTIVE_MONTHS} months that end with it. No row when
 * the day is NULL.
 */
export function endOfDayCte(day: string): string {
  return `e AS (
    SELECT date_trunc('month', d)::DATE AS m, d, (date_trunc('month', d) - INTERVAL ${ACTIVE_MONTHS - 1} MONTH)::DATE AS lo
    FROM (SELECT (${day})::DATE AS d) WHERE d IS NOT NULL
  )`;
}

/**
 * A vacancy (a `vacancy_fact` row, alias `v`) is open at the end of `e`: posted by then, not closed
 * by then, and posted within the last ${ACTIVE_MONTHS} months (older ones without a closing date
 * are stale).
 */
export function openAtEnd(v: string): string {
  return `${v}.posted_month BETWEEN e.lo AND e.m AND ${v}.posted_on <= e.d AND (${v}.closed_on IS NULL OR ${v}.closed_on > e.d)`;
}

/**
 * CTEs ending in `acts(sx, province_code, canton_code, t, sector_code, occupation_code)` and
 * `active(sx, province_code, canton_code)`, over the facts, at the end of `e(m, d, lo)`.
 *
 * An active seeker: a seeker record (satisfying `where` over alias `s`, on the record's own
 * province and canton) registered by `d`, that registered or was referred to a known vacancy in
 * the ${ACTIVE_MONTHS} months `lo`..`m` (by `d`), and was not placed between its last such
 * activity and `d`. `acts` holds those activities, registrations (no codes) and referrals (with
 * the vacancy's sector and occupation: the registry records no desired occupation, so a seeker's
 * sectors and occupations are those of the vacancies they were referred to in those months; a
 * seeker never referred has none).
 */
export function activeSeekerCtes(where: string): string {
  return `acts AS MATERIALIZED (
    SELECT s.sx, s.province_code, s.canton_code, s.registered_on AS t, NULL::VARCHAR AS sector_code, NULL::VARCHAR AS occupation_code
    FROM seeker_fact s, e WHERE s.reg_month BETWEEN e.lo AND e.m AND s.registered_on <= e.d AND ${where}
    UNION ALL
    SELECT s.sx, s.province_code, s.canton_code, s.referred_on, s.sector_code, s.occupation_code
    FROM (
      SELECT sx, vx, ref_month, referred_on, registered_later_on, sector_code, occupation_code, seeker_province AS province_code, seeker_canton AS canton_code
      FROM referral_fact
    ) s, e
    WHERE s.ref_month BETWEEN e.lo AND e.m AND s.referred_on <= e.d AND s.vx IS NOT NULL AND s.sx IS NOT NULL
      AND (s.registered_later_on IS NULL OR s.registered_later_on <= e.d) AND ${where}
  ),
  act AS (SELECT sx, any_value(province_code) AS province_code, any_value(canton_code) AS canton_code, max(t) AS last_activity FROM acts GROUP BY sx),
  active AS (
    SELECT act.sx, act.province_code, act.canton_code
    FROM act ANTI JOIN (SELECT p.sx, p.placed_on FROM placement_fact p, e WHERE p.month BETWEEN e.lo AND e.m AND p.placed_on <= e.d) pl
      ON pl.sx = act.sx AND pl.placed_on >= act.last_activity
  )`;
}

/** Counts of `active` by kind; for sectors and occupations, each record once per code among its referrals in `acts`. */
const SEEKERS_SQL: Record<StockKind, string> = {
  total: `SELECT 'total' AS kind, '*' AS code, province_code, canton_code, count(*) AS seekers FROM active GROUP BY ALL`,
  sector: `SELECT 'sector' AS kind, r.sector_code AS code, a.province_code, a.canton_code, count(DISTINCT a.sx) AS seekers
    FROM active a JOIN acts r ON r.sx = a.sx WHERE r.sector_code IS NOT NULL GROUP BY ALL`,
  occupation: `SELECT 'occupation' AS kind, r.occupation_code AS code, a.province_code, a.canton_code, count(DISTINCT a.sx) AS seekers
    FROM active a JOIN acts r ON r.sx = a.sx WHERE r.occupation_code IS NOT NULL GROUP BY ALL`,
};

/** Counts of `open_k` (open vacancies) and their positions by kind. */
const OPEN_SQL: Record<StockKind, string> = {
  total: `SELECT 'total' AS kind, '*' AS code, province_code, canton_code, count(*) AS vacancies, sum(positions) AS positions FROM open_k GROUP BY ALL`,
  sector: `SELECT 'sector' AS kind, sector_code AS code, province_code, canton_code, count(*) AS vacancies, sum(positions) AS positions FROM open_k GROUP BY ALL`,
  occupation: `SELECT 'occupation' AS kind, occupation_code AS code, province_code, canton_code, count(*) AS vacancies, sum(positions) AS positions FROM open_k GROUP BY ALL`,
};

/**
 * CTEs ending in `stock(kind, code, province_code, canton_code, seekers, open_vacancies,
 * open_positions)` at the end of `e`, for each of `kinds` ('total' with code '*'; 'sector' and
 * 'occupation' by the code): the active seekers of {@link activeSeekerCtes} by their own province
 * and canton, and the vacancies open then ({@link openAtEnd}) and their positions by the
 * vacancy's; `where` (over alias `s`) selects both by those columns. A row for every place and code
 * with either. A record counts once per code, so sums over cantons are counts of distinct records.
 */
export function marketStockCtes(where: string, kinds: readonly StockKind[]): string {
  return `${activeSeekerCtes(where)},
  seekers_k AS (${kinds.map((k) => SEEKERS_SQL[k]).join(' UNION ALL ')}),
  open_k AS (SELECT s.province_code, s.canton_code, s.sector_code, s.occupation_code, s.positions FROM vacancy_fact s, e WHERE ${openAtEnd('s')} AND ${where}),
  opens_k AS (${kinds.map((k) => OPEN_SQL[k]).join(' UNION ALL ')}),
  stock AS (
    SELECT kind, code, province_code, canton_code, coalesce(s.seekers, 0)::INTEGER AS seekers,
      coalesce(o.vacancies, 0)::INTEGER AS open_vacancies, coalesce(o.positions, 0)::INTEGER AS open_positions
    FROM seekers_k s FULL JOIN opens_k o USING (kind, code, province_code, canton_code)
  )`;
}

/**
 * CTE `stock(kind, code, province_code, canton_code, seekers, open_vacancies, open_positions)`
 * read from `market_stock` at `e.d`: the same rows as {@link marketStockCtes}, for a day the
 * rebuild stored (the end of the data; see {@link REBUILD_MARKET_STOCK}). `where` is over alias `s`.
 */
export function storedMarketStockCte(where: string, kinds: readonly StockKind[]): string {
  return `stock AS (
    SELECT s.kind, s.code, s.province_code, s.canton_code, s.seekers, s.open_vacancies, s.open_positions FROM market_stock s, e
    WHERE s.as_of = e.d AND s.kind IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND ${where}
  )`;
}

/** The days the stock is stored for: the last day of the latest month with vacancies, and the latest posting date. */
const STORED_DAYS = [
  'SELECT last_day(vacancy_month) FROM fact_bounds',
  'SELECT vacancy_end FROM fact_bounds WHERE vacancy_end IS DISTINCT FROM last_day(vacancy_month)',
];

/**
 * Statements that rebuild `market_stock` from the facts (after `fact_bounds`): the stock of every
 * kind at each day the market and outreach queries default to.
 */
export const REBUILD_MARKET_STOCK: readonly string[] = [
  'DELETE FROM market_stock',
  ...STORED_DAYS.map((day) => `INSERT INTO market_stock
   WITH ${endOfDayCte(day)}, ${marketStockCtes('true', STOCK_KINDS)}
   SELECT e.d, kind, code, province_code, canton_code, seekers, open_vacancies, open_positions FROM stock, e
   ORDER BY kind, code, province_code, canton_code`),
];
