import { openSync, readSync, closeSync } from 'node:fs';
import { LoadError } from './load-error.ts';

/** What the first bytes of a CSV file say about how to read it. */
export interface CsvDialect {
  delimiter: ',' | ';' | '\t' | '|';
  /** Header names as written (trimmed, lower-cased, quotes removed), in file order. */
  headers: string[];
  encoding: 'utf-8' | 'latin-1';
  bom: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Reads the header line and sniffs the delimiter and encoding. A file that is not valid UTF-8
 * in its first megabyte is read as Latin-1 (Windows exports); the choice is reported.
 */
export function readHeader(path: string): CsvDialect {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n === 0) throw new LoadError(path, 0, null, 'archivo_vacio: el archivo no tiene contenido ni encabezado');
  const bytes = buf.subarray(0, n);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding = guessEncoding(body);
  const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'latin1').decode(body);
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  if (!line.trim()) throw new LoadError(path, 1, null, 'encabezado_vacio: la primera línea debe nombrar las columnas');
  const counts = DELIMITERS.map((d) => line.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = DELIMITERS[best]!;
  const headers = splitHeader(line, delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').replaceAll('""', '"').trim().toLowerCase());
  return { delimiter, headers, encoding, bom };
}

/**
 * UTF-8 unless the bytes look like a Latin-1 (Windows) export: high bytes that never form a
 * valid UTF-8 sequence, on more than a handful of lines. A few broken sequences in a UTF-8 file
 * are left to the reader, which rejects those lines with their line numbers.
 */
export function guessEncoding(bytes: Uint8Array): 'utf-8' | 'latin-1' {
  let valid = 0;
  let invalid = 0;
  let c1 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = bytes[i + k] !== undefined && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need;
    } else {
      invalid++;
      if (b < 0xa0) c1++;
    }
  }
  // DuckDB's Latin-1 decoder refuses the C1 range (0x80-0x9f): such bytes are broken UTF-8.
  return invalid > 3 && valid === 0 && c1 === 0 ? 'latin-1' : 'utf-8';
}

/** Splits a header line on the delimiter, keeping delimiters inside double quotes. */
function splitHeader(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === delimiter && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
