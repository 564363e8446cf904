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
  let encoding: CsvDialect['encoding'] = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body, { stream: n === buf.length });
  } catch {
    encoding = 'latin-1';
  }
  const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'latin1').decode(body);
  const end = text.search(/\r?\n/);
  const line = end === -1 ? text : text.slice(0, end);
  if (!line.trim()) throw new LoadError(path, 1, null, 'encabezado_vacio: la primera línea debe nombrar las columnas');
  const counts = DELIMITERS.map((d) => line.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = DELIMITERS[best]!;
  const headers = line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
  return { delimiter, headers, encoding, bom };
}
