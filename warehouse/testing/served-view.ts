import type { Warehouse } from '../warehouse.ts';

/**
 * A writable test warehouse seen as served (read-only), so that what a served warehouse reads
 * once and keeps (see `oncePerWarehouse`'s `servedOnly`) is read once for every comparison.
 */
export function servedView(w: Warehouse): Warehouse {
  return { access: 'read', columns: w.columns.bind(w), rows: w.rows.bind(w), int32Columns: w.int32Columns.bind(w) } as unknown as Warehouse;
}
