import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuditLog } from '../../warehouse/audit-log.ts';
import { ServedWarehouse } from '../../warehouse/served-warehouse.ts';
import { hashPassword } from './auth/password.ts';
import { FileUserStore } from './auth/user-store.ts';
import { createApp } from './create-app.ts';
import { FileWeightStore } from './outreach-weights.ts';
import { sessionSecret } from './server-config.ts';

const dataDir = resolve(process.env.FARO_DATA_DIR ?? 'data');
const dbPath = resolve(process.env.FARO_DB ?? `${dataDir}/faro.duckdb`);
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(dbPath)) {
  console.error(`No warehouse at ${dbPath}. Build the demo with "npm run etl -- demo" or load your files with "npm run etl -- load <folder>".`);
  process.exit(1);
}
const usersPath = resolve(process.env.FARO_USERS ?? `${dataDir}/users.json`);
const users = new FileUserStore(usersPath);
if (!existsSync(usersPath) && process.env.FARO_DEMO_ACCOUNT !== 'off') {
  // A first start on demo data gets one staff account so the staff pages can be seen at once.
  const password = randomBytes(9).toString('base64url');
  users.save({ username: 'demo', role: 'policy', territories: [], passwordHash: await hashPassword(password) });
  writeFileSync(`${dataDir}/demo-account.txt`, `usuario / user: demo\ncontraseña / password: ${password}\n`, { mode: 0o600 });
  console.log(`Cuenta de demostración / demo account: demo / ${password} (guardada en ${dataDir}/demo-account.txt)`);
}
const served = await ServedWarehouse.open(dbPath);
const audit = await AuditLog.open(resolve(process.env.FARO_AUDIT_DB ?? `${dataDir}/audit.duckdb`));
const app = createApp({
  warehouse: () => served.current(),
  staticDir: resolve('dist/dashboard'),
  users,
  audit,
  sessionSecret: sessionSecret(process.env, `${dataDir}/session.key`),
  weights: new FileWeightStore(resolve(process.env.FARO_WEIGHTS ?? `${dataDir}/outreach-weights.json`)),
  secureCookies: process.env.FARO_SECURE_COOKIES === 'true',
});
const server = app.listen(port, host, () => {
  console.log(`Faro está sirviendo en / is serving at http://${host}:${port}/`);
});
const stop = () => {
  server.close();
  served.close();
  audit.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
