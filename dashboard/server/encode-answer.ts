import { Field, Float64, Int32, RecordBatch, Schema, Struct, Table, Utf8, makeData, tableToIPC, type Data } from 'apache-arrow';
import type { QueryAnswer } from '../../queries/catalogue/run-query.ts';

/** The formats the API answers in. */
export type AnswerFormat = 'arrow' | 'json' | 'csv';

/** Media types of each format. */
export const MEDIA_TYPES: Record<AnswerFormat, string> = {
  arrow: 'application/vnd.apache.arrow.stream',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Encodes an answer as an Arrow IPC stream; the freshness travels in the schema metadata. The
 * columns are written straight into Arrow's buffers (not through its builders, which cost about
 * twice as much: most answers are encoded once, on the request that computed them).
 */
export function encodeArrow(answer: QueryAnswer): Uint8Array {
  const columns = answer.names.map((_, i) => columnData(answer.types[i]!, answer.values[i]!, answer.rowCount));
  const fields = answer.names.map((name, i) => new Field(name, columns[i]!.type, true));
  const schema = new Schema(fields, new Map([['faro.freshness', JSON.stringify(answer.freshness)]]));
  const rows = makeData({ type: new Struct(fields), length: answer.rowCount, nullCount: 0, children: columns });
  return tableToIPC(new Table(schema, [new RecordBatch(schema, rows)]), 'stream');
}

const encoded = new WeakMap<QueryAnswer, Buffer>();

/**
 * {@link encodeArrow} as a Buffer, kept per answer: the cache hands out the same answer object to
 * every request for it, so a cached answer is encoded once instead of on every request (0.1-0.3
 * ms an answer at mx, seven answers a dashboard interaction).
 */
export function arrowBuffer(answer: QueryAnswer): Buffer {
  let bytes = encoded.get(answer);
  if (!bytes) encoded.set(answer, (bytes = Buffer.from(encodeArrow(answer))));
  return bytes;
}

const INT32_TYPES = /^(INTEGER|SMALLINT|TINYINT|USMALLINT|UTINYINT)$/;
const FLOAT64_TYPES = /^(BIGINT|HUGEINT|UBIGINT|UINTEGER|DOUBLE|FLOAT|DECIMAL)/;
const utf8 = new TextEncoder();

/** One column as Arrow data: 32-bit integers, doubles, or else text. */
/** Whether an answer's Arrow bytes are at hand (see {@link arrowBuffer}). */
export function isEncoded(answer: QueryAnswer): boolean {
  return encoded.has(answer);
}

/**
 * Encodes answers as Arrow ahead of their first request (see {@link arrowBuffer}): the warm-up's
 * precomputed answers, so that no visitor waits on an encoding, nor on Arrow's code running for
 * the first time (about 15 ms on the first request of a fresh server). It yields to the event loop
 * every 10 ms, so that requests are served meanwhile. Only the answers `served` accepts are
 * encoded (not the parts other answers are put together from). Returns how many it encoded.
 */
export async function encodeAhead(answers: Iterable<Promise<QueryAnswer>>, served: (answer: QueryAnswer) => boolean = () => true): Promise<number> {
  let [count, since] = [0, performance.now()];
  for (const pending of answers) {
    const answer = await pending.catch(() => null);
    if (!answer || !served(answer)) continue;
    arrowBuffer(answer);
    count++;
    if (performance.now() - since > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return count;
}

function columnData(type: string, values: readonly unknown[], length: number): Data {
  const absent = (v: unknown) => v === null || v === undefined;
  let nullCount = 0;
  for (let i = 0; i < length; i++) if (absent(values[i])) nullCount++;
  let nullBitmap: Uint8Array | undefined;
  if (nullCount > 0) {
    nullBitmap = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (!absent(values[i])) nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  const int32 = INT32_TYPES.test(type);
  if (int32 || FLOAT64_TYPES.test(type)) {
    const data = int32 ? new Int32Array(length) : new Float64Array(length);
    for (let i = 0; i < length; i++) if (!absent(values[i])) data[i] = Number(values[i]);
    return data instanceof Int32Array
      ? makeData({ type: new Int32(), length, nullCount, nullBitmap, data })
      : makeData({ type: new Float64(), length, nullCount, nullBitmap, data });
  }
  const text = Array.from({ length }, (_, i) => (absent(values[i]) ? '' : String(values[i])));
  // At most three bytes of UTF-8 per UTF-16 unit.
  const bytes = new Uint8Array(text.reduce((n, s) => n + 3 * s.length, 0));
  const valueOffsets = new Int32Array(length + 1);
  let at = 0;
  for (let i = 0; i < length; i++) {
    at += utf8.encodeInto(text[i]!, bytes.subarray(at)).written;
    valueOffsets[i + 1] = at;
  }
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes.subarray(0, at) });
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
