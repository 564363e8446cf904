import { closeSync, copyFileSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync, constants } from 'node:fs';
import { migrate } from './migrate.ts';
import { seedReference } from './reference/seed-reference.ts';
import { Warehouse } from './warehouse.ts';

/**
 * Changes the warehouse file without ever disturbing its readers: the change is made on a
 * copy (`<path>.next`), committed and checkpointed there, and the copy then atomically
 * replaces the file with a rename. A server holding the old file keeps answering from it
 * until it reopens; a change killed at any point leaves the old file whole. Only one change
 * runs at a time (a lock file beside the database).
 */
export async function updateWarehouse<T>(path: string, change: (warehouse: Warehouse) => Promise<T>): Promise<T> {
  const release = acquireLock(`${path}.lock`);
  const next = `${path}.next`;
  try {
    rmSync(next, { force: true });
    rmSync(`${next}.wal`, { force: true });
    if (existsSync(path)) {
      copyFileSync(path, next, constants.COPYFILE_FICLONE);
      if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${next}.wal`);
    }
    const warehouse = await Warehouse.open({ path: next, access: 'write' });
    let result: T;
    try {
      await prepareWarehouse(warehouse);
      result = await change(warehouse);
      await warehouse.checkpoint();
    } finally {
      warehouse.close();
    }
    rmSync(`${next}.wal`, { force: true });
    renameSync(next, path);
    rmSync(`${path}.wal`, { force: true });
    return result;
  } finally {
    rmSync(next, { force: true });
    release();
  }
}

/** Brings a writable warehouse's schema up to date and fills the reference tables when empty. */
export async function prepareWarehouse(warehouse: Warehouse): Promise<void> {
  await migrate(warehouse);
  const [row] = await warehouse.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM territory');
  if (!row || row.n === 0) await seedReference(warehouse);
}

function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(`Another load is changing the warehouse (process ${holder}, lock ${lockPath}). Wait for it to finish.`, { cause: error });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the warehouse lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
