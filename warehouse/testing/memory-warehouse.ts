import { prepareWarehouse } from '../publish.ts';
import { Warehouse } from '../warehouse.ts';

/** A throw-away in-memory warehouse with the full schema and reference tables, for tests. */
export async function memoryWarehouse(): Promise<Warehouse> {
  const w = await Warehouse.open({ path: ':memory:', access: 'write' });
  await prepareWarehouse(w);
  return w;
}
