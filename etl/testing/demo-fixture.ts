import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { loadFiles } from '../load/load-files.ts';
import { pseudonymKey } from '../privacy/pseudonym-key.ts';

/** A test suite's demo warehouse: the tiny demo of a seed, generated and loaded by the real ETL. */
export interface DemoFixture {
  /** The in-memory warehouse, ready from `beforeAll` on (hooks registered after this one run after the load). */
  warehouse: Warehouse;
}

/**
 * Registers the set-up and clean-up of a suite that checks queries against the tiny demo: the
 * files generated into a scratch folder, loaded with a fixed clock into a fresh warehouse.
 */
export function demoFixture(name: string, seed: number): DemoFixture {
  const dir = mkdtempSync(join(tmpdir(), `faro-${name}-`));
  const fixture = {} as DemoFixture;
  beforeAll(async () => {
    await generateDemo({ outDir: dir, scale: 'tiny', seed });
    fixture.warehouse = await memoryWarehouse();
    await loadFiles(fixture.warehouse, [dir], { now: new Date('2026-11-01T00:00:00Z'), key: pseudonymKey(`${name} test key, long enough`) });
  }, 120_000);
  afterAll(() => {
    fixture.warehouse?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return fixture;
}
