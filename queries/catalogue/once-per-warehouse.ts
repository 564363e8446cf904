import type { Warehouse } from '../../warehouse/warehouse.ts';

/**
 * `read`, run at most once per opened warehouse: the warm-up parameter sets that several queries
 * share (the provinces, sectors and years a warehouse holds) are read once, not once per query.
 * A failed read is forgotten, so the next call tries again. With `servedOnly`, only a served
 * (read-only) warehouse's value is kept, and a writable one, whose data may change, is read on
 * every call.
 */
export function oncePerWarehouse<T>(read: (w: Warehouse) => Promise<T>, options: { servedOnly?: boolean } = {}): (w: Warehouse) => Promise<T> {
  const kept = new WeakMap<Warehouse, Promise<T>>();
  return (w) => {
    if (options.servedOnly && w.access !== 'read') return read(w);
    let value = kept.get(w);
    if (!value) {
      value = read(w);
      kept.set(w, value);
      value.catch(() => kept.delete(w));
    }
    return value;
  };
}
