import { Float64, Int32, Schema, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { QueryAnswer } from '../../queries/catalogue/run-query.ts';

/** The formats the API answers in. */
export type AnswerFormat = 'arrow' | 'json' | 'csv';

/** Media types of each format. */
export const MEDIA_TYPES: Record<AnswerFormat, string> = {
  arrow: 'application/vnd.apache.arrow.stream',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** Encodes an answer as an Arrow IPC stream; the freshness travels in the schema metadata. */
export function encodeArrow(answer: QueryAnswer): Uint8Array {
  const columns = Object.fromEntries(answer.names.map((name, i) => [name, toVector(answer.types[i]!, answer.values[i]!)]));
  const table = new Table(columns);
  const schema = new Schema(table.schema.fields, new Map([['faro.freshness', JSON.stringify(answer.freshness)]]));
  return tableToIPC(new Table(schema, table.batches), 'stream');
}

const encoded = new WeakMap<QueryAnswer, Buffer>();

/**
 * {@link encodeArrow} as a Buffer, kept per answer: the cache hands out the same answer object to
 * every request for it, so a cached answer is encoded once instead of on every request (about
 * 0.3 ms an answer, seven answers a dashboard interaction).
 */
export function arrowBuffer(answer: QueryAnswer): Buffer {
  let bytes = encoded.get(answer);
  if (!bytes) encoded.set(answer, (bytes = Buffer.from(encodeArrow(answer))));
  return bytes;
}

function toVector(type: string, values: unknown[]): Vector {
  if (/^(INTEGER|SMALLINT|TINYINT|USMALLINT|UTINYINT)$/.test(type)) return vectorFromArray(values as (number | null)[], new Int32());
  if (/^(BIGINT|HUGEINT|UBIGINT|UINTEGER|DOUBLE|FLOAT|DECIMAL)/.test(type)) return vectorFromArray(values as (number | null)[], new Float64());
  return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : String(v))), new Utf8());
}

/** Encodes an answer as JSON: rows of objects, with the columns and freshness beside them. */
export function encodeJson(answer: QueryAnswer): string {
  const rows = Array.from({ length: answer.rowCount }, (_, r) => Object.fromEntries(answer.names.map((n, c) => [n, answer.values[c]![r] ?? null])));
  return JSON.stringify({ query: answer.query, columns: answer.names.map((n, i) => ({ name: n, type: answer.types[i] })), rows, freshness: answer.freshness });
}

/** Encodes an answer as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read accents). */
export function encodeCsv(answer: QueryAnswer): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [answer.names.map(cell).join(',')];
  for (let r = 0; r < answer.rowCount; r++) lines.push(answer.names.map((_, c) => cell(answer.values[c]![r])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
