import type { Columns } from '../../warehouse/warehouse.ts';

/** An answer worked out in JS: its columns (name and DuckDB type, as its SQL would give them) and rows. */
export function columnsOfRows(spec: readonly (readonly [string, string])[], rows: readonly unknown[][]): Columns {
  return { names: spec.map(([name]) => name), types: spec.map(([, type]) => type), values: spec.map((_, c) => rows.map((row) => row[c])), rowCount: rows.length };
}
