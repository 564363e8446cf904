import { statSync, watchFile, unwatchFile, type Stats } from 'node:fs';
import { Warehouse } from './warehouse.ts';

/**
 * The warehouse as a server holds it: read-only, reopened when a load publishes a new file
 * (see `updateWarehouse`). Readers ask for `current()` per request; a request that started on
 * the old file finishes on it, and the old file is closed once the grace period has passed.
 */
export class ServedWarehouse {
  private warehouse: Warehouse;
  private inode: number;
  private reopening: Promise<void> | null = null;

  private constructor(private readonly path: string, first: Warehouse, private readonly options: { threads?: number; graceMs: number }) {
    this.warehouse = first;
    this.inode = statSync(path).ino;
  }

  /** Opens the file read-only and starts watching it for published loads. */
  static async open(path: string, options: { threads?: number; graceMs?: number; pollMs?: number } = {}): Promise<ServedWarehouse> {
    const first = await Warehouse.open({ path, access: 'read', threads: options.threads });
    const served = new ServedWarehouse(path, first, { threads: options.threads, graceMs: options.graceMs ?? 30_000 });
    watchFile(path, { interval: options.pollMs ?? 1000 }, (now: Stats) => {
      if (now.ino && now.ino !== served.inode) void served.reopen();
    });
    return served;
  }

  /** The warehouse to answer the next request from. */
  current(): Warehouse {
    return this.warehouse;
  }

  /** Switches to the file now at the path (called by the watcher; callable directly). */
  reopen(): Promise<void> {
    this.reopening ??= (async () => {
      try {
        const inode = statSync(this.path).ino;
        if (inode === this.inode) return;
        const next = await Warehouse.open({ path: this.path, access: 'read', threads: this.options.threads });
        const old = this.warehouse;
        this.warehouse = next;
        this.inode = inode;
        setTimeout(() => old.close(), this.options.graceMs).unref();
      } finally {
        this.reopening = null;
      }
    })();
    return this.reopening;
  }

  /** Stops watching and closes the warehouse. */
  close(): void {
    unwatchFile(this.path);
    this.warehouse.close();
  }
}
