import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

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
  private constructor(private readonly instance: DuckDBInstance, private readonly c: DuckDBConnection) {}

  /** Opens (creating when absent) the audit file; ':memory:' for tests. */
  static async open(path: string): Promise<AuditLog> {
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    await c.run(`CREATE TABLE IF NOT EXISTS audit (
      logged_at TIMESTAMP NOT NULL, username VARCHAR NOT NULL, role VARCHAR NOT NULL, query VARCHAR NOT NULL, params JSON NOT NULL, rows BIGINT NOT NULL)`);
    return new AuditLog(instance, c);
  }

  /** Appends one entry and makes it durable. */
  async record(e: AuditEntry): Promise<void> {
    await this.c.run('INSERT INTO audit VALUES (?::TIMESTAMP, ?, ?, ?, ?::JSON, ?)', [e.at.toISOString(), e.username, e.role, e.query, JSON.stringify(e.params), e.rows]);
  }

  /** The most recent entries, newest first. */
  async recent(limit = 100): Promise<(Omit<AuditEntry, 'at'> & { at: string })[]> {
    const reader = await this.c.runAndReadAll(`SELECT strftime(logged_at, '%Y-%m-%dT%H:%M:%S') AS "at", username, role, query, params::VARCHAR AS params, rows FROM audit ORDER BY logged_at DESC LIMIT ?`, [limit]);
    return reader.getRowObjectsJson().map((r) => ({ ...r, params: JSON.parse(String(r.params)), rows: Number(r.rows) })) as never;
  }

  /** Closes the file. */
  close(): void {
    this.c.closeSync();
    this.instance.closeSync();
  }
}
