import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { LoadOptions } from '../load/load-file.ts';
import { pseudonymKey } from '../privacy/pseudonym-key.ts';

/** What a loader test needs: a scratch folder, load options with a fixed clock, a fresh warehouse. */
export interface LoadFixture {
  dir: string;
  /** Writes a file of these lines (each ended by a newline) into the scratch folder; returns its path. */
  write(name: string, lines: readonly string[]): string;
  options: LoadOptions;
  /** The in-memory warehouse, ready from `beforeAll` on. */
  warehouse: Warehouse;
}

/** Registers the set-up and clean-up of a loader test suite and returns its fixture. */
export function loadFixture(name: string): LoadFixture {
  const dir = mkdtempSync(join(tmpdir(), `faro-${name}-`));
  const fixture = {
    dir,
    write: (file: string, lines: readonly string[]) => {
      const path = join(dir, file);
      writeFileSync(path, lines.join('\n') + '\n');
      return path;
    },
    options: { now: new Date('2026-10-15T12:00:00Z'), key: pseudonymKey(`${name} test key, long enough`) },
  } as LoadFixture;
  beforeAll(async () => {
    fixture.warehouse = await memoryWarehouse();
  });
  afterAll(() => {
    fixture.warehouse?.close();
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}
