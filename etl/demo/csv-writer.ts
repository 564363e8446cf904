import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes CSV rows to a file in large chunks, honouring back-pressure, and counts them. */
export class CsvWriter {
  private readonly out: WriteStream;
  private buffer: string[] = [];
  /** Data rows written so far. */
  rows = 0;

  constructor(path: string, header: readonly string[], private readonly delimiter = ',', bom = false) {
    this.out = createWriteStream(path, 'utf8');
    this.out.write(`${bom ? '\ufeff' : ''}${header.join(delimiter)}\n`);
  }

  /** Adds a row; values are written as given (quote them with {@link quote} when needed). */
  async row(values: readonly (string | number)[]): Promise<void> {
    this.buffer.push(values.join(this.delimiter));
    this.rows++;
    if (this.buffer.length >= 8192) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const ok = this.out.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
    if (!ok) await once(this.out, 'drain');
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Quotes a CSV value when it holds a delimiter, a quote or a line break. */
export function quote(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
