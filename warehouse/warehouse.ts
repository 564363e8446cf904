import { DuckDBInstance, DuckDBPendingResultState, type DuckDBAppender, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api';

/** How a process holds the warehouse file. */
export type WarehouseAccess = 'read' | 'write';

/** Options for {@link Warehouse.open}. */
export interface WarehouseOptions {
  /** Path of the DuckDB file, or ':memory:' for a throw-away database (tests). */
  path: string;
  /**
   * 'read' opens the file read-only with external access disabled and the configuration
   * locked, so no SQL can read files (CVE-2024-9264); that is how the server holds it.
   * 'write' is for the ETL and migrations.
   */
  access: WarehouseAccess;
  /** DuckDB worker threads; defaults to DuckDB's own choice (the number of cores). */
  threads?: number;
  /** Connections kept for concurrent reads; defaults to 4. */
  connections?: number;
}

/** Values that may be bound to a statement's `?` or `$name` placeholders. */
export type Params = Record<string, DuckDBValue> | DuckDBValue[];

/** A query's answer column by column, with DuckDB's type names. */
export interface Columns {
  names: string[];
  types: string[];
  /** One JS array per column, in the order of `names` (DATE as 'YYYY-MM-DD', DECIMAL as number). */
  values: unknown[][];
  rowCount: number;
}

/**
 * The one place that opens DuckDB. Every other layer reaches the database through a
 * Warehouse: SQL with bound parameters in, plain JS values out.
 */
export class Warehouse {
  /** Prepared statements kept per connection of a served warehouse, the most recently used last. */
  private static readonly PREPARED_PER_CONNECTION = 256;
  private readonly prepared = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();
  private readonly free: DuckDBConnection[] = [];
  private readonly waiting: { resolve: (c: DuckDBConnection) => void; reject: (e: Error) => void }[] = [];
  private closed = false;
  private open: number;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly all: DuckDBConnection[],
    /** The access this process holds the file with. */
    readonly access: WarehouseAccess,
    /** The file path this warehouse was opened from. */
    readonly path: string,
  ) {
    this.free.push(...all);
    this.open = all.length;
  }

  /** Opens (creating when writable and absent) a warehouse file. */
  static async open(options: WarehouseOptions): Promise<Warehouse> {
    // DuckDB runs an ASOF join whose left side it estimates at 64 rows or fewer as a nested loop.
    // Right after a rebuild's inserts into emptied fact tables it estimates them at 0 rows, and at
    // mx the channel cube's join then ran for more than 15 minutes instead of 18 s.
    const config: Record<string, string> = { asof_loop_join_threshold: '0' };
    if (options.threads) config.threads = String(options.threads);
    if (options.access === 'read') {
      if (options.path !== ':memory:') config.access_mode = 'READ_ONLY';
      config.enable_external_access = 'false';
      config.lock_configuration = 'true';
    }
    const instance = await DuckDBInstance.create(options.path, config);
    const n = Math.max(1, options.connections ?? (options.access === 'read' ? 4 : 1));
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < n; i++) connections.push(await instance.connect());
    return new Warehouse(instance, connections, options.access, options.path);
  }

  private async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('The warehouse is closed.');
    const c = this.free.pop();
    if (c) return c;
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(c: DuckDBConnection): void {
    if (this.closed) {
      this.closeConnection(c);
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(c);
    else this.free.push(c);
  }

  private closeConnection(c: DuckDBConnection): void {
    c.closeSync();
    if (--this.open === 0) this.instance.closeSync();
  }

  /** Runs `fn` with a connection of its own, returned to the pool afterwards. */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await fn(c);
    } finally {
      this.release(c);
    }
  }

  /** The statements kept prepared on a connection, by SQL text, the most recently used last. */
  private preparedOn(c: DuckDBConnection): Map<string, DuckDBPreparedStatement> {
    let kept = this.prepared.get(c);
    if (!kept) this.prepared.set(c, (kept = new Map()));
    return kept;
  }

  /**
   * Runs one statement with bound values and reads its whole answer. On a served (read-only)
   * warehouse, whose catalogue never changes, the statement is prepared once per connection and
   * SQL text and then only bound and run: planning the dashboard's many-CTE queries costs about
   * as much as running them on the small cubes.
   */
  private async readAll(c: DuckDBConnection, sql: string, params?: Params): Promise<DuckDBResultReader> {
    if (this.access !== 'read' || params === undefined) return c.runAndReadAll(sql, params);
    const kept = this.preparedOn(c);
    let statement = kept.get(sql);
    if (statement) {
      kept.delete(sql);
    } else {
      statement = await c.prepare(sql);
      if (kept.size >= Warehouse.PREPARED_PER_CONNECTION) {
        const [oldest, stale] = kept.entries().next().value!;
        kept.delete(oldest);
        stale.destroySync();
      }
    }
    kept.set(sql, statement);
    statement.clearBindings();
    statement.bind(params);
    return statement.runAndReadAll();
  }

  /**
   * Prepares on each idle connection of a served warehouse the statements the others have
   * prepared (at most {@link Warehouse.PREPARED_PER_CONNECTION}): run after a warm-up, which asks
   * one query at a time and so prepares everything on one connection, it spares the first
   * concurrent requests a plan each (5-10 ms for a dashboard query). Connections busy meanwhile
   * prepare on demand, as before. Returns the number of statements prepared.
   */
  async spreadPrepared(): Promise<number> {
    if (this.access !== 'read') return 0;
    const texts = [...new Set(this.all.flatMap((c) => [...(this.prepared.get(c)?.keys() ?? [])]))].slice(-Warehouse.PREPARED_PER_CONNECTION);
    let prepared = 0;
    for (const c of [...this.free]) {
      if (this.closed || !this.free.includes(c)) continue;
      this.free.splice(this.free.indexOf(c), 1);
      try {
        const kept = this.preparedOn(c);
        for (const sql of texts) {
          if (kept.has(sql) || kept.size >= Warehouse.PREPARED_PER_CONNECTION) continue;
          kept.set(sql, await c.prepare(sql));
          prepared++;
        }
      } finally {
        this.release(c);
      }
    }
    return prepared;
  }

  /** Runs one statement (or a script of statements, not atomically) and discards its answer. */
  async run(sql: string, params?: Params): Promise<void> {
    await this.withConnection((c) => c.run(sql, params));
  }

  /** Runs a query and returns its rows as objects of JSON-friendly values. */
  async rows<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    return this.withConnection(async (c) => {
      const reader = await this.readAll(c, sql, params);
      return reader.getRowObjectsJson() as unknown as T[];
    });
  }

  /**
   * Runs a query and returns its answer column by column, with its types. With `timeoutMs`, a
   * query still running then is interrupted and a {@link QueryTimeoutError} thrown.
   */
  async columns(sql: string, params?: Params, options: { timeoutMs?: number } = {}): Promise<Columns> {
    return this.withConnection(async (c) => {
      let timedOut = false;
      const timer = options.timeoutMs ? setTimeout(() => { timedOut = true; c.interrupt(); }, options.timeoutMs) : null;
      const reader = await this.readAll(c, sql, params).catch((error: unknown) => {
        throw timedOut ? new QueryTimeoutError(options.timeoutMs!) : error;
      }).finally(() => timer && clearTimeout(timer));
      const types = reader.columnTypes().map((t) => t.toString());
      const raw = reader.getColumnsJson() as unknown[][];
      const names = reader.columnNames();
      // An empty answer comes back without columns: give each name an empty one.
      const values = names.map((_, i) => (isNumeric(types[i]!) ? (raw[i] ?? []).map(toNumber) : types[i] === 'VARCHAR' ? interned(raw[i] ?? []) : (raw[i] ?? [])));
      return { names, types, values, rowCount: reader.currentRowCount };
    });
  }

  /**
   * Runs a query whose columns are all INTEGER and never NULL, and returns each as an Int32Array,
   * streamed chunk by chunk: millions of rows for an index held in memory, without a JS value per
   * cell. A column of another type, or a NULL, is an error naming the column.
   */
  async int32Columns(sql: string, params?: Params): Promise<{ names: string[]; columns: Int32Array[]; rowCount: number }> {
    return this.withConnection(async (c) => {
      const result = await c.stream(sql, params);
      const names = result.columnNames();
      result.columnTypes().forEach((t, i) => {
        if (t.toString() !== 'INTEGER') throw new Error(`int32Columns: column ${names[i]} is ${t.toString()}, not INTEGER`);
      });
      const chunks: Int32Array[][] = names.map(() => []);
      let rowCount = 0;
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const n = chunk.rowCount;
        names.forEach((name, i) => {
          const vector = chunk.getColumnVector(i);
          const out = new Int32Array(n);
          for (let r = 0; r < n; r++) {
            const v = vector.getItem(r);
            if (v === null) throw new Error(`int32Columns: column ${name} holds a NULL`);
            out[r] = v as number;
          }
          chunks[i]!.push(out);
        });
        rowCount += n;
      }
      const columns = chunks.map((parts) => {
        const column = new Int32Array(rowCount);
        let at = 0;
        for (const part of parts) {
          column.set(part, at);
          at += part.length;
        }
        return column;
      });
      return { names, columns, rowCount };
    });
  }

  /**
   * Runs `fn` inside one explicit transaction on one connection: COMMIT when it resolves,
   * ROLLBACK when it throws. DuckDB commits the statements of a multi-statement string one by
   * one, so atomicity needs this explicit form.
   */
  async transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T> {
    return this.session((s) => s.transaction(fn));
  }

  /**
   * Runs `fn` on one connection of its own, so that temporary tables made by one statement are
   * seen by the next, and transactions can be opened around some of them.
   */
  async session<T>(fn: (s: Session) => Promise<T>): Promise<T> {
    return this.withConnection((c) => fn(new Session(c)));
  }

  /** Writes the write-ahead log into the file, so the file alone holds the committed state. */
  async checkpoint(): Promise<void> {
    await this.run('CHECKPOINT');
  }

  /** Interrupts whatever the pool's connections are running (used for query time-outs). */
  interruptAll(): void {
    for (const c of this.all) c.interrupt();
  }

  /** Whether `close` was called: work still running on it fails, and nobody needs to hear about it. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Closes the warehouse: idle connections at once; a connection still running a query (a
   * warm-up, a request finishing on a replaced file) is interrupted and closed when it returns,
   * since closing it under a running query would bring the whole process down. The database
   * closes with its last connection.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('The warehouse is closed.'));
    for (const c of this.all) if (!this.free.includes(c)) c.interrupt();
    for (const c of this.free.splice(0)) this.closeConnection(c);
  }
}

/** A query interrupted because it ran longer than allowed. */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The query was stopped after ${timeoutMs} ms.`);
    this.name = 'QueryTimeoutError';
  }
}

/** One connection of the warehouse, held for a sequence of statements (see {@link Warehouse.session}). */
export class Session {
  private inTransaction = false;
  private progressOn = false;

  /** @internal */
  constructor(private readonly c: DuckDBConnection) {}

  /**
   * Runs one statement. With `onProgress`, the statement runs task by task and DuckDB's progress
   * (0-100, when it can tell) is reported every 200 ms, for long loads.
   */
  async run(sql: string, params?: Params, onProgress?: (percent: number) => void): Promise<void> {
    if (!onProgress) {
      await this.c.run(sql, params);
      return;
    }
    if (!this.progressOn) {
      await this.c.run('SET enable_progress_bar = true');
      await this.c.run('SET enable_progress_bar_print = false');
      this.progressOn = true;
    }
    const pending = await this.c.start(sql, params);
    let last = 0;
    for (;;) {
      const state = pending.runTask();
      if (state === DuckDBPendingResultState.RESULT_READY) break;
      if (state === DuckDBPendingResultState.NO_TASKS_AVAILABLE) await new Promise((r) => setTimeout(r, 5));
      if (Date.now() - last > 200) {
        last = Date.now();
        const p = this.c.progress.percentage;
        if (p >= 0) onProgress(p);
      }
    }
    await pending.getResult();
  }

  /** Runs a query and returns its rows. */
  async rows<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.c.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as unknown as T[];
  }

  /** An Appender for fast row-wise loads from JS (INSERT VALUES loops are ~25x slower). */
  async appender(table: string): Promise<DuckDBAppender> {
    return this.c.createAppender(table);
  }

  /** Runs `fn` between BEGIN and COMMIT on this connection; ROLLBACK when it throws. */
  async transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error('Transactions do not nest.');
    this.inTransaction = true;
    await this.c.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this);
      await this.c.run('COMMIT');
      return result;
    } catch (error) {
      await this.c.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }
}

function isNumeric(type: string): boolean {
  return /^(BIGINT|HUGEINT|UBIGINT|DECIMAL|INTEGER|SMALLINT|TINYINT|DOUBLE|FLOAT)/.test(type);
}

/**
 * A text column with each repeated value as one string: codes, dates and labels repeat, and an
 * answer kept in the cache then holds a few strings instead of one per row (132 k firms' seven
 * text columns made each full garbage collection 15-25 ms longer).
 */
function interned(column: unknown[]): unknown[] {
  const seen = new Map<string, string>();
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (typeof v !== 'string') continue;
    const kept = seen.get(v);
    if (kept === undefined) seen.set(v, v);
    else column[r] = kept;
  }
  return column;
}

function toNumber(v: unknown): unknown {
  return typeof v === 'string' ? Number(v) : v;
}
