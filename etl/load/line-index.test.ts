import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexLines } from './line-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const index = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return indexLines(path);
};

describe('indexLines', () => {
  it('needs no index when every line is one record', () => {
    expect(index('a.csv', 'h1,h2\n1,2\n3,4\n')).toEqual({ lines: 3, recordLines: null, mixedLineEnds: false });
    expect(index('b.csv', 'h1,h2\r\n1,2\r\n3,4')).toEqual({ lines: 3, recordLines: null, mixedLineEnds: false });
    expect(index('m.csv', 'h1,h2\r\n1,2\n3,4\n').mixedLineEnds).toBe(true);
  });

  it('maps records to their first line across blank lines and quoted newlines', () => {
    const r = index('c.csv', 'h1,h2\n1,2\n\n"a\nb",3\r\n\r\n4,"x"\n');
    expect(r.lines).toBe(7);
    expect(Array.from(r.recordLines!)).toEqual([2, 4, 7]);
  });

  it('sees a blank line that straddles read chunks', () => {
    const head = 'h\n' + 'x\n'.repeat((1 << 19) - 1);
    const r = index('d.csv', `${head}\nlast\n`);
    expect(r.recordLines).not.toBeNull();
    expect(r.recordLines![r.recordLines!.length - 1]).toBe((1 << 19) + 2);
  });
});
