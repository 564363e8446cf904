import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDemo } from '../../etl/demo/generate-demo.ts';
import { loadFiles } from '../../etl/load/load-files.ts';
import { pseudonymKey } from '../../etl/privacy/pseudonym-key.ts';
import { updateWarehouse } from '../../warehouse/publish.ts';
import { sharedData } from '../../warehouse/testing/shared-data.ts';
import { AuditLog } from '../../warehouse/audit-log.ts';
import { ServedWarehouse } from '../../warehouse/served-warehouse.ts';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../server/auth/password.ts';
import { FileUserStore } from '../server/auth/user-store.ts';
import { createApp } from '../server/create-app.ts';
import { FileWeightStore } from '../server/outreach-weights.ts';

/** Staff accounts of the test stack: a policy analyst and concertadores of Pichincha and of Guayas. */
export const TEST_ACCOUNTS = {
  policy: { username: 'analista', password: 'clave-de-prueba-1' },
  concertador: { username: 'concertador', password: 'clave-de-prueba-2' },
  concertadorGuayas: { username: 'concertadora-guayas', password: 'clave-de-prueba-3' },
} as const;

/** A whole Faro running for a test: demo data loaded through the real ETL, served over HTTP. */
export interface DemoStack {
  url: string;
  dbPath: string;
  served: ServedWarehouse;
  audit: AuditLog;
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
  const ilo = sharedData('ilo/youth-unemployment-15-24-wb-ilo-modelled.csv');
  // Province boundaries: the public map is a choropleth with them, a tile grid without.
  const boundaries = sharedData('ecuador/geo/ecuador-provincias.geojson');
  await updateWarehouse(dbPath, (w) => loadFiles(w, [join(dir, 'csv'), ...(ilo ? [ilo] : []), ...(boundaries ? [boundaries] : [])], { now: new Date('2026-11-01T00:00:00Z'), key: pseudonymKey('end-to-end test key') }));
  const served = await ServedWarehouse.open(dbPath, { graceMs: 100 });
  const users = new FileUserStore(join(dir, 'users.json'));
  users.save({ username: TEST_ACCOUNTS.policy.username, role: 'policy', territories: [], passwordHash: await hashPassword(TEST_ACCOUNTS.policy.password) });
  users.save({ username: TEST_ACCOUNTS.concertador.username, role: 'concertador', territories: ['17'], passwordHash: await hashPassword(TEST_ACCOUNTS.concertador.password) });
  users.save({ username: TEST_ACCOUNTS.concertadorGuayas.username, role: 'concertador', territories: ['09'], passwordHash: await hashPassword(TEST_ACCOUNTS.concertadorGuayas.password) });
  const audit = await AuditLog.open(':memory:');
  const app = createApp({ warehouse: () => served.current(), staticDir: resolve('dist/dashboard'), users, audit, sessionSecret: randomBytes(32), weights: new FileWeightStore(join(dir, 'outreach-weights.json')) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dbPath,
    served,
    audit,
    close: async () => {
      await new Promise((r) => server.close(r));
      served.close();
      audit.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
