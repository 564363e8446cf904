import type { Columns } from '../../warehouse/warehouse.ts';

/** The answer with only the given rows, in the order given (a slice or a filter of a cached answer). */
export function keepRows<T extends Columns>(answer: T, rows: readonly number[]): T {
  return { ...answer, values: answer.values.map((col) => rows.map((r) => col[r])), rowCount: rows.length };
}
