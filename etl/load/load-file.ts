import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Params, Session, Warehouse } from '../../warehouse/warehouse.ts';
import type { SourceContract } from '../contract/source-contract.ts';
import type { PseudonymKey } from '../privacy/pseudonym-key.ts';
import { sourceForFile } from '../sources/sources.ts';
import { checkedSelect, ident, literal } from './column-sql.ts';
import { indexLines, type LineIndex } from './line-index.ts';
import { LoadError } from './load-error.ts';
import type { LoadReport } from './load-report.ts';
import { readHeader, type CsvDialect } from './read-header.ts';
import { xlsxToCsv } from './xlsx-to-csv.ts';

/** What a load needs from the outside world, injected. */
export interface LoadOptions {
  /** The load's clock: no date in the data may lie after it. */
  now: Date;
  /** The pseudonymisation key (never written to the warehouse). */
  key: PseudonymKey;
  /** The file's source; recognised from its name when absent. */
  source?: SourceContract;
  /** Load even when the same bytes were loaded before (after a rule change, say); rows are replaced by natural key. */
  force?: boolean;
  /** Called at each stage of a long load. */
  onStage?: (stage: 'hash' | 'read' | 'check' | 'write' | 'derive', file: string) => void;
  /** Called during the long statements of a stage with DuckDB's progress through it (0-100). */
  onProgress?: (percent: number) => void;
}

const READER_REASONS: Record<string, string> = {
  'MISSING COLUMNS': 'faltan_columnas',
  'TOO MANY COLUMNS': 'sobran_columnas',
  'UNQUOTED VALUE': 'comillas_invalidas',
  'LINE SIZE OVER MAXIMUM': 'linea_demasiado_larga',
  'INVALID UNICODE': 'codificacion_invalida',
  'INVALID ENCODING': 'codificacion_invalida',
};

/**
 * Loads one CSV file into the warehouse as one transaction: every row is either loaded or
 * recorded in `load_reject` with its line, column, value and reason; the same bytes loaded
 * twice change nothing; rows with a natural key already present replace the earlier ones.
 */
export async function loadFile(warehouse: Warehouse, path: string, options: LoadOptions): Promise<LoadReport> {
  if (!/\.xlsx$/i.test(path)) return loadCsv(warehouse, path, path, options);
  const dir = mkdtempSync(join(tmpdir(), 'faro-xlsx-'));
  try {
    const csv = join(dir, `${basename(path).replace(/\.xlsx$/i, '')}.csv`);
    await xlsxToCsv(path, csv);
    return await loadCsv(warehouse, csv, path, options);
  } catch (error) {
    if (error instanceof LoadError && error.file !== path) throw new LoadError(path, error.line, error.column, error.reason);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadCsv(warehouse: Warehouse, csvPath: string, originalPath: string, options: LoadOptions): Promise<LoadReport> {
  const path = csvPath;
  const started = Date.now();
  const source = options.source ?? sourceForFile(basename(originalPath));
  if (!source) throw new LoadError(path, 0, null, `fuente_desconocida: el nombre del archivo no corresponde a ninguna fuente conocida (use --source)`);
  const size = statSync(path).size;
  if (size === 0) throw new LoadError(path, 0, null, 'archivo_vacio: el archivo no tiene contenido ni encabezado');
  options.onStage?.('hash', path);
  const sha256 = await hashFile(path);
  const dialect = readHeader(path);
  checkHeaders(path, dialect, source);
  const base: Omit<LoadReport, 'loadId' | 'status' | 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'rowsReplaced' | 'durationMs'> = {
    file: originalPath,
    source: source.id,
    sha256,
    encoding: dialect.encoding,
    delimiter: dialect.delimiter,
  };
  const [previous] = await warehouse.rows<{ load_id: number; rows_read: number; rows_loaded: number; rows_rejected: number }>(
    "SELECT load_id, rows_read, rows_loaded, rows_rejected FROM load_ledger WHERE sha256 = ? AND status = 'loaded' ORDER BY load_id DESC LIMIT 1",
    [sha256],
  );
  if (previous && !options.force) {
    return {
      ...base, loadId: previous.load_id, status: 'unchanged', rowsRead: Number(previous.rows_read), rowsLoaded: 0,
      rowsRejected: 0, rowsReplaced: 0, durationMs: Date.now() - started,
      message: `ya cargado en la carga ${previous.load_id}; nada cambia`,
    };
  }
  options.onStage?.('read', path);
  let lineIndex = indexLines(path);
  if (lineIndex.mixedLineEnds) {
    const dir = mkdtempSync(join(tmpdir(), 'faro-eol-'));
    try {
      const normalised = join(dir, basename(path));
      writeFileSync(normalised, readFileSync(path).toString('latin1').replaceAll('\r\n', '\n'), 'latin1');
      lineIndex = indexLines(normalised);
      return await loadCsvRead(warehouse, normalised, originalPath, options, { source, sha256, dialect, lineIndex, started, base });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return loadCsvRead(warehouse, path, originalPath, options, { source, sha256, dialect, lineIndex, started, base });
}

interface Prepared {
  source: SourceContract;
  sha256: string;
  dialect: CsvDialect;
  lineIndex: LineIndex;
  started: number;
  base: Omit<LoadReport, 'loadId' | 'status' | 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'rowsReplaced' | 'durationMs'>;
}

async function loadCsvRead(warehouse: Warehouse, path: string, originalPath: string, options: LoadOptions, p: Prepared): Promise<LoadReport> {
  const { source, sha256, dialect, lineIndex, started, base } = p;
  const today = options.now.toISOString().slice(0, 10);
  const params = { key_inner: options.key.inner, key_outer: options.key.outer, today };
  const counts = await warehouse.session(async (session) => {
    try {
      return await stageAndWrite(session, path, originalPath, source, dialect, lineIndex, params, sha256, options);
    } finally {
      await session.run('DROP VIEW IF EXISTS temp.staged').catch(() => undefined);
      for (const t of ['staged', 'raw', 'checked', 'failed_checks', 'ready', 'rejects', 'reader_rejects', 'reader_scans']) {
        await session.run(`DROP TABLE IF EXISTS temp.${t}`).catch(() => undefined);
      }
    }
  });
  await warehouse.checkpoint();
  return { ...base, ...counts, status: 'loaded', durationMs: Date.now() - started };
}

/**
 * Stages, types and checks the file in temporary tables (which never reach the database file,
 * so raw cédulas and names never do either), then writes the valid rows, the rejects and the
 * ledger entry in one transaction.
 */
async function stageAndWrite(
  tx: Session, path: string, originalPath: string, source: SourceContract, dialect: CsvDialect, lineIndex: LineIndex,
  params: Record<string, string>, sha256: string, options: LoadOptions,
) {
  const bind = (sql: string): Params => Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`$${k}`)));
  // Progress is polled task by task, which costs a little: only worth it on long files.
  const bigFile = statSync(path).size > 20 * 1024 * 1024;
  const run = async (sql: string, long = false) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await tx.run(sql, bind(sql), long && bigFile ? options.onProgress : undefined);
    if (process.env.FARO_TRACE) {
      // CPU time (all of DuckDB's threads) beside the wall time: steadier when other work shares the machine.
      const cpu = process.cpuUsage(cpu0);
      const text = process.env.FARO_TRACE === 'sql' ? sql : sql.replace(/\s+/g, ' ').slice(0, 110);
      console.error(`${(performance.now() - t0).toFixed(0).padStart(6)} ms ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6)} ms cpu  ${text}`);
    }
  };
  const columns = `{${dialect.headers.map((h) => `${literal(h)}: 'VARCHAR'`).join(', ')}}`;
  try {
    await run(`CREATE TEMP TABLE raw AS SELECT * FROM read_csv(${literal(path)}, header = true, auto_detect = false,
      delim = ${literal(dialect.delimiter)}, quote = '"', escape = '"', columns = ${columns}, encoding = ${literal(dialect.encoding)},
      store_rejects = true, rejects_table = 'reader_rejects', rejects_scan = 'reader_scans', strict_mode = true, null_padding = false)`, true);
  } catch (error) {
    throw new LoadError(originalPath, 0, null, `csv_ilegible: el lector de CSV no puede leer el archivo (${(error as Error).message.split('\n')[0]})`);
  }
  await run(`CREATE TEMP TABLE rejects AS
    SELECT line::BIGINT AS line, column_name::VARCHAR AS column_name, ${source.columns.some((c) => c.personal) ? 'NULL::VARCHAR' : 'left(csv_line, 200)::VARCHAR'} AS value,
      CASE error_type ${Object.entries(READER_REASONS).map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`).join(' ')} ELSE 'linea_invalida' END
        || ': ' || error_message AS reason
    FROM reader_rejects`);
  for (const c of source.columns.filter((c) => !dialect.headers.includes(c.header))) {
    const alias = c.aliases?.find((a) => dialect.headers.includes(a));
    if (alias) {
      await run(`ALTER TABLE raw RENAME COLUMN ${ident(alias)} TO ${ident(c.header)}`);
      continue;
    }
    await run(`ALTER TABLE raw ADD COLUMN ${ident(c.header)} VARCHAR`);
    const fill = c.whenMissing?.sql ?? (c.whenMissing?.fileNamePattern ? literal(new RegExp(c.whenMissing.fileNamePattern).exec(basename(originalPath))?.[1] ?? '') : null);
    if (fill) {
      await run(`UPDATE raw SET ${ident(c.header)} = ${fill}`).catch((error: Error) => {
        throw new LoadError(originalPath, 1, c.header, `falta_columna: "${c.header}" no está y no se puede derivar (${c.whenMissing!.doc.es}): ${error.message.split('\n')[0]}`);
      });
    }
  }
  await stageWithLines(tx, lineIndex);
  options.onStage?.('check', path);
  await run(checkedSql(source), true);
  const errorColumns = source.columns.map((c) => ident(`__err_${c.name}`));
  const hasError = errorColumns.map((e) => `${e} IS NOT NULL`).join(' OR ');
  for (const c of source.columns) {
    await run(`INSERT INTO rejects SELECT c.__line, ${literal(c.header)}, ${c.personal ? 'NULL' : `left(r.${ident(c.header)}, 200)`}, c.${ident(`__err_${c.name}`)}
      FROM checked c JOIN staged r ON r.__line = c.__line WHERE c.${ident(`__err_${c.name}`)} IS NOT NULL`);
  }
  await run('CREATE TEMP TABLE failed_checks (line BIGINT)');
  const tableColumns = (await tx.rows<{ name: string; type: string }>(
    'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
    [source.table],
  )).filter((c) => c.name !== 'load_id');
  const lookups = source.lookups ?? [];
  if (lookups.length > 0) {
    // One pass joins each row to what it must find: the misses become rejects, the rest is ready. The value
    // rejected is only kept where nothing was found, not copied for every row.
    const personal = (column: string) => source.columns.find((c) => c.name === column)?.personal;
    const flags = lookups.map((l, i) => `(NOT (${hasError}) AND (${l.when ?? 'true'}) AND (${l.found}) IS NULL) AS __miss_${i},
      ${personal(l.column) ? 'NULL::VARCHAR' : `CASE WHEN (${l.found}) IS NULL THEN left(s.${ident(l.column)}::VARCHAR, 200) END`} AS __value_${i}`).join(',\n      ');
    await run(`CREATE TEMP TABLE ready AS SELECT * FROM (
        SELECT s.__line, ${flags}, ${source.insert} FROM checked s ${lookups.map((l) => `LEFT JOIN ${l.join}`).join(' ')} ${source.joins ?? ''}
      ) AS t(__line, ${lookups.map((_, i) => `__miss_${i}, __value_${i}`).join(', ')}, ${tableColumns.map((c) => ident(c.name)).join(', ')})`, true);
    for (const [i, l] of lookups.entries()) {
      await run(`INSERT INTO rejects SELECT __line, ${literal(l.column)}, __value_${i}, ${literal(l.reason)} FROM ready WHERE __miss_${i}`);
    }
  }
  for (const check of source.checks) {
    const personal = source.columns.find((c) => c.name === check.column)?.personal;
    const sql = `INSERT INTO rejects SELECT s.__line, ${literal(check.column)}, ${personal ? 'NULL' : `left(s.${ident(check.column)}::VARCHAR, 200)`}, ${literal(check.reason)}
      FROM checked s WHERE NOT (${hasError}) AND (${check.failsWhen})`;
    await run(sql);
  }
  await run(`INSERT INTO failed_checks SELECT DISTINCT line FROM rejects`);
  if (lookups.length > 0) {
    await run('DELETE FROM ready WHERE __line IN (SELECT line FROM failed_checks)');
  } else {
    await run(`CREATE TEMP TABLE ready AS SELECT * FROM (
        SELECT s.__line, ${source.insert} FROM checked s ${source.joins ?? ''} WHERE s.__line NOT IN (SELECT line FROM failed_checks)
      ) AS t(__line, ${tableColumns.map((c) => ident(c.name)).join(', ')})`, true);
  }
  options.onStage?.('write', path);
  const key = source.naturalKey.map(ident);
  // Find repeated keys by aggregation first: a window over every row costs twice as much.
  const keyMatch = key.map((k) => `r.${k} IS NOT DISTINCT FROM g.${k}`).join(' AND ');
  await run(`INSERT INTO rejects
    SELECT r.__line, ${literal(source.naturalKey.join('+'))}, left(concat_ws('|', ${key.map((k) => `r.${k}`).join(', ')}), 200),
      'duplicado: la misma clave aparece antes en la línea ' || g.first_line
    FROM ready r JOIN (SELECT ${key.join(', ')}, min(__line) AS first_line FROM ready GROUP BY ALL HAVING count(*) > 1) g ON ${keyMatch}
    WHERE r.__line <> g.first_line`);
  await run('DELETE FROM ready WHERE __line IN (SELECT line FROM rejects)');
  const file = basename(originalPath);
  return tx.transaction(async () => {
    const [{ load_id: loadId }] = (await tx.rows<{ load_id: number }>("SELECT nextval('load_id_seq')::INTEGER AS load_id")) as [{ load_id: number }];
    const targetKey = (source.replaceScope ?? source.naturalKey).map(ident);
    const readyKey = (source.replaceScope ?? source.naturalKey).map((k) => `r.${ident(k)}`);
    const [{ n: replaced }] = (await tx.rows<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM ${ident(source.table)} WHERE (${targetKey.join(', ')}) IN (SELECT (${readyKey.join(', ')}) FROM ready r)`,
    )) as [{ n: number }];
    if (Number(replaced) > 0) {
      await run(`DELETE FROM ${ident(source.table)} WHERE (${targetKey.join(', ')}) IN (SELECT (${readyKey.join(', ')}) FROM ready r)`);
    }
    const dateColumn = tableColumns.find((c) => c.type === 'DATE');
    await run(`INSERT INTO ${ident(source.table)} (${tableColumns.map((c) => ident(c.name)).join(', ')}, load_id)
      SELECT ${tableColumns.map((c) => ident(c.name)).join(', ')}, ${loadId} FROM ready ${dateColumn ? `ORDER BY ${ident(dateColumn.name)}` : ''}`, true);
    for (const statement of source.afterInsert ?? []) await run(statement);
    const summary = source.summarySql ? (await tx.rows<Record<string, unknown>>(source.summarySql))[0] : undefined;
    await tx.run('INSERT INTO load_reject SELECT ?, ?, line, column_name, value, reason FROM rejects ORDER BY line, column_name', [loadId, file]);
    const [counts] = (await tx.rows<{ loaded: number; rejected: number; read: number }>(
      `SELECT (SELECT count(*) FROM ready)::BIGINT AS loaded, (SELECT count(DISTINCT line) FROM rejects)::BIGINT AS rejected,
        (SELECT count(*) FROM staged)::BIGINT + (SELECT count(DISTINCT line) FROM reader_rejects)::BIGINT AS read`,
    )) as [{ loaded: number; rejected: number; read: number }];
    const rows = { rowsRead: Number(counts.read), rowsLoaded: Number(counts.loaded), rowsRejected: Number(counts.rejected), rowsReplaced: Number(replaced) };
    if (rows.rowsRead !== rows.rowsLoaded + rows.rowsRejected) {
      throw new Error(`Reconciliation failed for ${file}: read ${rows.rowsRead} <> loaded ${rows.rowsLoaded} + rejected ${rows.rowsRejected}.`);
    }
    await tx.run(
      `INSERT INTO load_ledger (load_id, source, file_name, sha256, rows_read, rows_loaded, rows_rejected, status, message, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'loaded', NULL, ?::TIMESTAMP, ?::TIMESTAMP)`,
      [loadId, source.id, file, sha256, rows.rowsRead, rows.rowsLoaded, rows.rowsRejected, options.now.toISOString(), new Date(options.now.getTime()).toISOString()],
    );
    return { loadId, ...rows, summary };
  });
}

/**
 * Gives every row of `raw` the line it starts on. DuckDB keeps the file's order in `raw`;
 * lines that its reader rejected, blank lines and quoted newlines are accounted for.
 */
async function stageWithLines(tx: Session, index: LineIndex): Promise<void> {
  const rejected = (await tx.rows<{ line: number }>('SELECT DISTINCT line::BIGINT AS line FROM reader_rejects ORDER BY line')).map((r) => Number(r.line));
  if (index.recordLines === null) {
    if (rejected.length === 0) {
      await tx.run('CREATE TEMP VIEW staged AS SELECT rowid + 2 AS __line, * FROM raw');
      return;
    }
    await tx.run('CREATE TEMP TABLE skip (k BIGINT, skipped BIGINT)');
    // Row k of raw lies after the j-th rejected line when (line_j - 2) - (j - 1) <= k.
    // Consecutive rejected lines share one k: the row after them has skipped them all.
    await tx.run(`INSERT INTO skip SELECT (line - 2) - (j - 1) AS k, max(j) FROM (SELECT line, row_number() OVER (ORDER BY line) AS j FROM (SELECT unnest(?::BIGINT[]) AS line)) GROUP BY k`, [JSON.stringify(rejected)]);
    await tx.run(`CREATE TEMP TABLE staged AS SELECT raw.rowid + 2 + coalesce(skip.skipped, 0) AS __line, raw.*
      FROM raw ASOF LEFT JOIN skip ON raw.rowid >= skip.k ORDER BY raw.rowid`);
    await tx.run('DROP TABLE skip');
    return;
  }
  const rejectedSet = new Set(rejected);
  const lines: number[] = [];
  for (const line of index.recordLines) if (!rejectedSet.has(line)) lines.push(line);
  await tx.run('CREATE TEMP TABLE line_map (k BIGINT, line BIGINT)');
  await tx.run('INSERT INTO line_map SELECT generate_subscripts(l, 1) - 1, unnest(l) FROM (SELECT ?::BIGINT[] AS l)', [JSON.stringify(lines)]);
  await tx.run('CREATE TEMP TABLE staged AS SELECT m.line AS __line, raw.* FROM raw JOIN line_map m ON m.k = raw.rowid ORDER BY raw.rowid');
  await tx.run('DROP TABLE line_map');
}

/** The statement typing and checking every staged row (`checked`): typed columns, their error columns, and the derived values. */
function checkedSql(source: SourceContract): string {
  const derived = Object.entries(source.derive ?? {}).map(([name, sql]) => `, ${sql} AS ${ident(name)}`).join('');
  return `CREATE TEMP TABLE checked AS SELECT s.*${derived} FROM (SELECT raw.__line, ${checkedSelect(source.columns)} FROM staged raw) s`;
}

function checkHeaders(path: string, dialect: CsvDialect, source: SourceContract): void {
  const seen = new Set<string>();
  dialect.headers.forEach((h, i) => {
    if (!h) throw new LoadError(path, 1, `#${i + 1}`, 'encabezado_vacio: una columna no tiene nombre');
    if (seen.has(h)) throw new LoadError(path, 1, h, 'encabezado_duplicado: la columna aparece dos veces');
    seen.add(h);
  });
  for (const c of source.columns) {
    if (c.required && !seen.has(c.header) && !c.aliases?.some((a) => seen.has(a)) && !c.whenMissing) {
      throw new LoadError(path, 1, c.header, `falta_columna: la columna obligatoria "${c.header}" no está en el encabezado (separador detectado "${dialect.delimiter}"; columnas: ${dialect.headers.join(', ')})`);
    }
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
