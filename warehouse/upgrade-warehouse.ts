import { existsSync } from 'node:fs';
import { factsMissing, rebuildFacts } from './facts.ts';
import { listMigrations } from './migrate.ts';
import { updateWarehouse } from './publish.ts';
import { Warehouse } from './warehouse.ts';

/**
 * Brings a warehouse file built by an older version of Faro up to date before it is served: the
 * schema migrated, and the derived facts built when the file has data but no facts yet. It reads
 * the file first and changes it (through {@link updateWarehouse}, so readers are never disturbed)
 * only when needed. Returns whether it changed the file.
 */
export async function upgradeWarehouse(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const latest = Math.max(...listMigrations().map((m) => m.version));
  const reader = await Warehouse.open({ path, access: 'read', connections: 1 });
  let current: number;
  try {
    [{ v: current } = { v: 0 }] = await reader.rows<{ v: number }>('SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_version');
    if (current >= latest && !(await factsMissing(reader))) return false;
  } finally {
    reader.close();
  }
  await updateWarehouse(path, async (w) => {
    if (await factsMissing(w)) await rebuildFacts(w);
  });
  return true;
}

