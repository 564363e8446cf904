import type { Warehouse } from '../../warehouse/warehouse.ts';
import { monthNumber } from './kpi-filters.ts';

/** A DATE column as a month number (year × 12 + month − 1, see `monthNumber`), as SQL. */
export const MONTH_NUMBER_SQL = (column: string) => `(year(${column}) * 12 + month(${column}) - 1)::INTEGER`;

/** Text columns coded by dictionaries, for a table read into memory as integers: see {@link codedColumns}. */
export interface CodedColumns<K extends string> {
  /** Each column's values, sorted, after index 0 for NULL. */
  codes: Record<K, readonly (string | null)[]>;
  /** The CTEs numbering each column's values as `codes` does (`d_<name>`), for a WITH clause. */
  ctes: string;
  /** The LEFT JOINs of those CTEs to the table's rows. */
  joins: string;
  /** Each column's index into `codes` (0 for NULL), as INTEGER select items named after the column. */
  selects: string;
}

/**
 * Dictionaries for text columns of a table (`expressions`: SQL over the table aliased `alias`),
 * read from the warehouse, and the SQL that turns each column into indexes into them, numbered
 * the same way by the same sort. The placement records and the pair cube held in memory read
 * their filters so.
 */
export async function codedColumns<K extends string>(w: Warehouse, table: string, alias: string, expressions: Record<K, string>): Promise<CodedColumns<K>> {
  const names = Object.keys(expressions) as K[];
  const distinct = (name: K) => `SELECT DISTINCT ${expressions[name]} AS v FROM ${table} ${alias} WHERE (${expressions[name]}) IS NOT NULL`;
  const values = await Promise.all(names.map((name) => w.rows<{ v: string }>(`${distinct(name)} ORDER BY v`)));
  const codes = {} as Record<K, readonly (string | null)[]>;
  names.forEach((name, i) => (codes[name] = [null, ...values[i]!.map((r) => r.v)]));
  return {
    codes,
    // Index 0 stands for NULL, so each dictionary is numbered from 1.
    ctes: names.map((name) => `d_${name} AS (SELECT v, row_number() OVER (ORDER BY v)::INTEGER AS i FROM (${distinct(name)}))`).join(',\n'),
    joins: names.map((name) => `LEFT JOIN d_${name} ON d_${name}.v = ${expressions[name]}`).join(' '),
    selects: names.map((name) => `coalesce(d_${name}.i, 0) AS ${name}`).join(', '),
  };
}

/** The latest month with placements (`placement_monthly`) as a month number, null without placements. */
export async function latestPlacementMonth(w: Warehouse): Promise<number | null> {
  const [{ latest } = { latest: null }] = await w.rows<{ latest: string | null }>("SELECT strftime(max(month), '%Y-%m') AS latest FROM placement_monthly");
  return latest === null ? null : monthNumber(latest);
}
