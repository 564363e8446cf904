import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ServedWarehouse } from '../../warehouse/served-warehouse.ts';
import { createApp } from './create-app.ts';

const dataDir = resolve(process.env.FARO_DATA_DIR ?? 'data');
const dbPath = resolve(process.env.FARO_DB ?? `${dataDir}/faro.duckdb`);
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(dbPath)) {
  console.error(`No warehouse at ${dbPath}. Build the demo with "npm run etl -- demo" or load your files with "npm run etl -- load <folder>".`);
  process.exit(1);
}
const served = await ServedWarehouse.open(dbPath);
const app = createApp({ warehouse: () => served.current(), staticDir: resolve('dist/dashboard') });
const server = app.listen(port, host, () => {
  console.log(`Faro está sirviendo en / is serving at http://${host}:${port}/`);
});
const stop = () => {
  server.close();
  served.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
