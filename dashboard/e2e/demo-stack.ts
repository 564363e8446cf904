import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDemo } from '../../etl/demo/generate-demo.ts';
import { loadFiles } from '../../etl/load/load-files.ts';
import { pseudonymKey } from '../../etl/privacy/pseudonym-key.ts';
import { updateWarehouse } from '../../warehouse/publish.ts';
import { ServedWarehouse } from '../../warehouse/served-warehouse.ts';
import { createApp } from '../server/create-app.ts';

/** A whole Faro running for a test: demo data loaded through the real ETL, served over HTTP. */
export interface DemoStack {
  url: string;
  dbPath: string;
  served: ServedWarehouse;
  close(): Promise<void>;
}

/**
 * Generates demo data at a scale, loads it through the real ETL into a fresh warehouse file,
 * and serves the API and the built dashboard on a free loopback port.
 */
export async function startDemoStack(scale: 'tiny' | 'small' = 'tiny'): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'faro-e2e-'));
  const dbPath = join(dir, 'faro.duckdb');
  await generateDemo({ outDir: join(dir, 'csv'), scale, seed: 7 });
  await updateWarehouse(dbPath, (w) => loadFiles(w, [join(dir, 'csv')], { now: new Date('2026-11-01T00:00:00Z'), key: pseudonymKey('end-to-end test key') }));
  const served = await ServedWarehouse.open(dbPath, { graceMs: 100 });
  const app = createApp({ warehouse: () => served.current(), staticDir: resolve('dist/dashboard') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dbPath,
    served,
    close: async () => {
      await new Promise((r) => server.close(r));
      served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
