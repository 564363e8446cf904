import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';

/** One access to firm-level data. */
export interface AuditEntry {
  at: Date;
  username: string;
  role: string;
  query: string;
  params: Record<string, unknown>;
  rows: number;
}

/**
 * The append-only record of who saw firm-level data: a DuckDB file of its own beside the
 * warehouse (the served warehouse is read-only). This class can only add entries and read them;
 * nothing in Faro updates or deletes them.
 */
export class AuditLog {
  /** The entries being written, one after another: they share one prepared statement. */
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly instance: DuckDBInstance, private readonly c: DuckDBConnection, private readonly insert: DuckDBPreparedStatement) {}

  /** Opens (creating when absent) the audit file; ':memory:' for tests. */
  static async open(path: string): Promise<AuditLog> {
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run(`CREATE TABLE IF NOT EXISTS audit (
      logged_at TIMESTAMP NOT NULL, username VARCHAR NOT NULL, role VARCHAR NOT NULL, query VARCHAR NOT NULL, params JSON NOT NULL, rows BIGINT NOT NULL)`);
    // Prepared once: planning the INSERT cost more than running it (2-7 ms an entry, on every firm-level answer).
    return new AuditLog(instance, c, await c.prepare('INSERT INTO audit VALUES ($1::TIMESTAMP, $2, $3, $4, $5::JSON, $6)'));
  }

  /** Appends one entry and makes it durable. */
  async record(e: AuditEntry): Promise<void> {
    const write = this.writing.then(async () => {
      this.insert.clearBindings();
      this.insert.bind([e.at.toISOString(), e.username, e.role, e.query, JSON.stringify(e.params), e.rows]);
      await this.insert.run();
    });
    // A failed entry fails its own request, not the ones after it.
    this.writing = write.catch(() => undefined);
    return write;
  }

  /** The most recent entries, newest first. */
  async recent(limit = 100): Promise<(Omit<AuditEntry, 'at'> & { at: string })[]> {
    const reader = await this.c.runAndReadAll(`SELECT strftime(logged_at, '%Y-%m-%dT%H:%M:%S') AS "at", username, role, query, params::VARCHAR AS params, rows FROM audit ORDER BY logged_at DESC LIMIT ?`, [limit]);
    return reader.getRowObjectsJson().map((r) => ({ ...r, params: JSON.parse(String(r.params)), rows: Number(r.rows) })) as never;
  }

  /** Closes the file. */
  close(): void {
    this.insert.destroySync();
    this.c.closeSync();
    this.instance.closeSync();
  }
}
