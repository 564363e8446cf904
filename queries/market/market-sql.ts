/**
 * SQL fragments shared by the market and outreach queries. Every fragment reads only bound
 * parameters (`$territory`, `$from`, `$to`, `$at`...) and fixed column names: nothing a user
 * typed is ever spliced into the text.
 */

import { YOUTH_BANDS as MARKET_YOUTH_BANDS } from '../../warehouse/market-month.ts';
import { SURVEY_OCCUPATION } from '../../warehouse/survey-earned.ts';
import { ACTIVE_MONTHS as STOCK_ACTIVE_MONTHS, marketStockCtes, openAtEnd, storedMarketStockCte, type StockKind } from '../../warehouse/market-stock.ts';

/** Age bands of placements counted as young people (15-29, the age span of youth employment policy). */
export const YOUTH_BANDS = MARKET_YOUTH_BANDS;

/** Months of history an open vacancy or a seeker's activity may be older than the period end and still count. */
export const ACTIVE_MONTHS = STOCK_ACTIVE_MONTHS;

/** A row of `vacancy`, `placement`, their facts or `market_month` (optionally aliased) lies in `$territory` (province or canton). */
export function inTerritory(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `(${a}province_code = $territory::VARCHAR OR ${a}canton_code = $territory::VARCHAR)`;
}

/** How a breakdown is read in each source: the registry's column and the survey's expression. */
export interface Dimension {
  /** Output column name. */
  column: 'sector_code' | 'occupation_code';
  /** Column of vacancy and placement. */
  registry: string;
  /** The breakdown's `kind` in `market_month`. */
  kind: 'sector' | 'occupation';
  /** Expression over survey_person (or survey_employed) giving the same code, NULL when not reported. */
  survey: string;
}

/** CIIU Rev.4 section letter: the survey's rama1 1-21 is the section's position in A-U. */
export const SECTOR: Dimension = { column: 'sector_code', registry: 'sector_code', kind: 'sector', survey: 'CASE WHEN rama1 BETWEEN 1 AND 21 THEN chr(64 + rama1) END' };

/** CIUO-08 major group: the survey's grupo1 1-9, and 10 (armed forces) as major group '0'. */
export const OCCUPATION: Dimension = { column: 'occupation_code', registry: 'occupation_code', kind: 'occupation', survey: SURVEY_OCCUPATION };

/**
 * CTE `win(f, t)`: the months analysed, first-of-month dates. `$from`/`$to` when given; by
 * default the 12 months up to the latest month with vacancies.
 */
export const WINDOW_CTE = `win AS (
    SELECT coalesce($from::DATE, (coalesce($to::DATE, m) - INTERVAL 11 MONTH)::DATE) AS f, coalesce($to::DATE, m) AS t
    FROM (SELECT (SELECT vacancy_month FROM fact_bounds) AS m)
  )`;

/**
 * CTE `${name}(month)`: the first days of the months from `from` to `to` (SQL over `source`, a
 * one-row CTE). Joined to a month column (of first days) instead of a range over a CTE, it makes
 * the scan read only those months: DuckDB pushes a join's keys into the scan, not such a range.
 */
export function monthListCte(name: string, from: string, to: string, source: string): string {
  return `${name} AS (SELECT unnest(generate_series(${from}, ${to}, INTERVAL 1 MONTH))::DATE AS month FROM ${source})`;
}

/**
 * CTE `sp(period)`: the survey round used, the latest within the window, or when the window
 * holds none, the latest before its end (needs `win`).
 */
export const SURVEY_PERIOD_CTE = `sp AS (
    SELECT coalesce(max(period) FILTER (WHERE period BETWEEN strftime(win.f, '%Y-%m') AND strftime(win.t, '%Y-%m')),
                    max(period) FILTER (WHERE period <= strftime(win.t, '%Y-%m'))) AS period
    FROM survey_round, win
  )`;

/**
 * CTE `e(m, d, lo)`: the period end for stocks (open vacancies, active seekers): `m` the month
 * (`$at`, by default the latest month with vacancies), `d` its last day, `lo` the first month of
 * the ${ACTIVE_MONTHS} months that end with it.
 */
export const END_CTE = `e AS (
    SELECT m, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS d, (m - INTERVAL ${ACTIVE_MONTHS - 1} MONTH)::DATE AS lo
    FROM (SELECT coalesce($at::DATE, (SELECT vacancy_month FROM fact_bounds)) AS m)
  )`;

/**
 * CTE `open_v(vx, vacancy_id, fx, posted_on, positions, sector_code, occupation_code, province_code,
 * canton_code, end_referrals)`: vacancies open at the end of `e` (posted by then, not closed by
 * then, and posted within the last ${ACTIVE_MONTHS} months: older ones without a closing date are
 * stale), whose `vacancy_fact` row (alias `v`) satisfies `where`. `atLatestPosting`: `e.d` is the
 * latest posting date, at which the rebuild marked the open vacancies (read, not computed).
 */
export function openVacanciesCte(where: string, atLatestPosting = false): string {
  // The marked vacancies were posted in the months lo..m: joined to them, the scan reads only those.
  const open = atLatestPosting
    ? `FROM vacancy_fact v JOIN (SELECT unnest(generate_series(e.lo, e.m, INTERVAL 1 MONTH))::DATE AS month FROM e) e_months
        ON e_months.month = v.posted_month WHERE v.open_at_end`
    : `FROM vacancy_fact v, e WHERE ${openAtEnd('v')}`;
  return `open_v AS (
    SELECT v.vx, v.vacancy_id, v.fx, v.posted_on, v.positions, v.sector_code, v.occupation_code, v.province_code, v.canton_code, v.end_referrals
    ${open} AND ${where}
  )`;
}

/**
 * CTE `stock(kind, code, province_code, canton_code, seekers, open_vacancies, open_positions)`
 * (and those it needs): the market's stock at the end of `e` for each of `kinds`, by place (see
 * warehouse/market-stock.ts for the definition): the active job seekers whose record satisfies
 * `where` over alias `s` (the seeker's own province and canton), and the vacancies open then
 * whose place satisfies it. An active seeker registered or was referred to a vacancy in the
 * ${ACTIVE_MONTHS} months to the end and was not placed between that last activity and the end;
 * their sectors and occupations are those of the vacancies they were referred to in those months.
 * `stored`: `e.d` is the end of the data the default parameters ask for, whose stock the rebuild
 * kept (read, not computed).
 */
export function marketStockCte(where: string, kinds: readonly StockKind[], stored: boolean): string {
  return stored ? storedMarketStockCte(where, kinds) : marketStockCtes(where, kinds);
}
