import { openSync, readSync, closeSync } from 'node:fs';

/** Where each CSV record starts, for mapping DuckDB's rows back to the lines of the file. */
export interface LineIndex {
  /** Newline-terminated lines (a last line without newline counts). */
  lines: number;
  /**
   * Start line (1-based) of every non-blank record after the header, in file order; null when
   * every line after the header is exactly one record (no blank lines, no quoted newlines), so
   * record k simply starts at line k + 2.
   */
  recordLines: Int32Array | null;
  /** Both CRLF and LF end lines (DuckDB's strict reader refuses such files; they are normalised first). */
  mixedLineEnds: boolean;
}

const CHUNK = 1 << 20;

/**
 * Scans a CSV file once. Files without quote characters and without blank lines need no index
 * (the common, fast case); otherwise records are delimited as DuckDB's reader does, honouring
 * quoted newlines and skipping blank lines.
 */
export function indexLines(path: string): LineIndex {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let lines = 0;
    let simple = true;
    let prev = 0x0a;
    let prev2 = 0x0a;
    let lastByte = 0x0a;
    let crlf = 0;
    let lf = 0;
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      const chunk = buf.subarray(0, n);
      if (simple && chunk.indexOf(0x22) !== -1) simple = false;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
        lines++;
        const before = i > 0 ? chunk[i - 1]! : prev;
        const before2 = i > 1 ? chunk[i - 2]! : i === 1 ? prev : prev2;
        if (before === 0x0d) crlf++;
        else lf++;
        if (simple && lines > 1 && (before === 0x0a || (before === 0x0d && before2 === 0x0a))) simple = false;
      }
      prev2 = n > 1 ? chunk[n - 2]! : prev;
      prev = chunk[n - 1]!;
      lastByte = prev;
    }
    if (lastByte !== 0x0a) lines++;
    const mixedLineEnds = crlf > 0 && lf > 0;
    if (simple) return { lines, recordLines: null, mixedLineEnds };
    return { lines, recordLines: scanRecords(fd), mixedLineEnds };
  } finally {
    closeSync(fd);
  }
}

function scanRecords(fd: number): Int32Array {
  const buf = Buffer.allocUnsafe(CHUNK);
  let starts = new Int32Array(1024);
  let count = 0;
  let line = 1;
  let inQuotes = false;
  let atLineStart = true;
  let recordHasContent = false;
  let recordStart = 1;
  let header = true;
  const push = () => {
    if (header) {
      header = false;
      return;
    }
    if (count === starts.length) {
      const bigger = new Int32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = recordStart;
  };
  for (let n = readSync(fd, buf, 0, CHUNK, 0), pos = n; n > 0; n = readSync(fd, buf, 0, CHUNK, pos), pos += n) {
    for (let i = 0; i < n; i++) {
      const b = buf[i]!;
      if (atLineStart && !inQuotes) {
        recordStart = line;
        atLineStart = false;
      }
      if (b === 0x22) {
        inQuotes = !inQuotes;
        recordHasContent = true;
      } else if (b === 0x0a) {
        line++;
        if (!inQuotes) {
          if (recordHasContent) push();
          recordHasContent = false;
          atLineStart = true;
        }
      } else if (b !== 0x0d) {
        recordHasContent = true;
      }
    }
  }
  if (recordHasContent) push();
  return starts.subarray(0, count);
}
