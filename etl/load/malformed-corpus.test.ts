import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { pseudonymKey } from '../privacy/pseudonym-key.ts';
import { sourceForFile } from '../sources/sources.ts';
import { LoadError } from './load-error.ts';
import { loadFile } from './load-file.ts';
import { corpusMasterFiles, malformedCorpus } from './malformed-corpus.ts';

const options = { now: new Date('2026-10-15T12:00:00Z'), key: pseudonymKey('corpus test key, long enough') };
const dir = mkdtempSync(join(tmpdir(), 'faro-corpus-'));
let w: Warehouse;
const count = async (table: string) => (await w.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n;

beforeAll(async () => {
  w = await memoryWarehouse();
  for (const [name, text] of Object.entries(corpusMasterFiles())) {
    writeFileSync(join(dir, name), text);
    const r = await loadFile(w, join(dir, name), options);
    expect(r.rowsRejected, name).toBe(0);
  }
});
afterAll(() => {
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * What must hold for any input: either the file is refused whole (nothing changes, the error
 * names the file) or rows read = loaded + rejected, the table grows by exactly the rows loaded
 * less those replaced, and every reject names a line of the file and a reason.
 */
async function checkInvariants(file: string, bytes: Buffer): Promise<'refused' | 'rows'> {
  const path = join(dir, file);
  writeFileSync(path, bytes);
  const table = sourceForFile(file)!.table;
  const [before, ledgerBefore, rejectsBefore] = [await count(table), await count('load_ledger'), await count('load_reject')];
  try {
    const r = await loadFile(w, path, options);
    expect(r.rowsRead).toBe(r.rowsLoaded + r.rowsRejected);
    if (r.status === 'unchanged') {
      expect(await count(table)).toBe(before);
      return 'rows';
    }
    expect(await count(table)).toBe(before + r.rowsLoaded - r.rowsReplaced);
    const lines = bytes.toString('latin1').split('\n').length;
    const rejects = await w.rows<{ line: number; reason: string; lines: number }>(
      'SELECT line::INTEGER AS line, reason FROM load_reject WHERE load_id = ?', [r.loadId],
    );
    expect(new Set(rejects.map((x) => x.line)).size).toBe(r.rowsRejected);
    for (const x of rejects) {
      expect(x.line).toBeGreaterThanOrEqual(2);
      expect(x.line).toBeLessThanOrEqual(lines);
      expect(x.reason).toMatch(/^[a-z_]+: ./);
    }
    return 'rows';
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    expect(error.file).toBe(path);
    expect(error.message).toContain(file);
    expect([await count(table), await count('load_ledger'), await count('load_reject')]).toEqual([before, ledgerBefore, rejectsBefore]);
    return 'refused';
  }
}

describe('a corpus of malformed inputs', () => {
  const corpus = malformedCorpus();

  it('has at least 200 distinct cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.bytes.toString('base64'))).size).toBe(corpus.length);
  });

  it('accounts for every row of every case, or refuses the file whole', async () => {
    const outcomes: string[] = [];
    for (const c of corpus) {
      const outcome = await checkInvariants(c.file, c.bytes).catch((e: Error) => {
        throw new Error(`${c.name}: ${e.message}`);
      });
      if (outcome !== c.expect) outcomes.push(`${c.name}: expected ${c.expect}, got ${outcome}`);
    }
    expect(outcomes).toEqual([]);
  }, 120_000);

  it('keeps the invariants under random mutations of a valid file (property)', async () => {
    const valid = Buffer.from(['id_colocacion,id_vacante,id_buscador,fecha_colocacion,salario,canal',
      ...Array.from({ length: 6 }, (_, i) => `Q${i},V${i},S${i},2024-05-1${i},460,PORTAL`)].join('\n') + '\n');
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 6 }),
      insert: fc.constantFrom('', ',', '"', '\n', ';', '\r\n', 'é', '\xff', '2024-02-30', ',,', '""', '\t', ' '),
    });
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
      let text = valid.toString('latin1');
      for (const m of mutations) {
        const at = 70 + (m.at % Math.max(1, text.length - 70));
        text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
      }
      text = text.replaceAll('Q', `R${run++}x`);
      await checkInvariants(`colocaciones_prop_${run}.csv`, Buffer.from(text, 'latin1'));
    }), { numRuns: 150, seed: 20261124 });
  }, 120_000);
});
