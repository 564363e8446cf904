import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateWarehouse } from '../../warehouse/publish.ts';
import { ServedWarehouse } from '../../warehouse/served-warehouse.ts';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { pseudonymKey } from '../privacy/pseudonym-key.ts';
import { loadFiles } from './load-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-atomic-'));
const dbPath = join(dir, 'faro.duckdb');
const csv = join(dir, 'csv');
const key = 'atomic test key, long enough';
const ROWS = 400_000;

/** Writes a consistent export with DuckDB itself: one office, seekers, a firm, vacancies, many placements. */
async function writeExport(): Promise<void> {
  const g = await Warehouse.open({ path: ':memory:', access: 'write' });
  const q = (s: string) => s.replaceAll("'", "''");
  await g.run(`COPY (SELECT 'OF-1701' codigo_oficina, 'Quito' nombre_oficina, '1701' codigo_canton) TO '${q(join(csv, 'oficinas.csv'))}'`);
  await g.run(`COPY (SELECT 'B' || i id_buscador, '1710034065' cedula, 'Ana' nombres, 'Paz' apellidos, DATE '1980-01-01' + (i % 7000)::INT fecha_nacimiento,
    CASE WHEN i % 2 = 0 THEN 'H' ELSE 'M' END sexo, 'N' discapacidad, 'BASICA' nivel_instruccion, '1701' codigo_canton, 'OF-1701' codigo_oficina,
    DATE '2016-01-01' fecha_registro FROM range(20000) t(i)) TO '${q(join(csv, 'buscadores.csv'))}'`);
  await g.run(`COPY (SELECT '1790012345001' ruc, 'Firma' razon_social, 'G4711' codigo_ciiu, 5 numero_trabajadores, '1701' codigo_canton,
    'OF-1701' codigo_oficina, DATE '2015-01-01' fecha_registro) TO '${q(join(csv, 'empresas.csv'))}'`);
  await g.run(`COPY (SELECT 'V' || i id_vacante, '1790012345001' ruc_empresa, 'OF-1701' codigo_oficina, DATE '2016-02-01' + (i % 3000)::INT fecha_publicacion,
    NULL fecha_cierre, 3 numero_puestos, '5223' codigo_ciuo, '1701' codigo_canton, 470.5 salario_ofrecido FROM range(20000) t(i)) TO '${q(join(csv, 'vacantes.csv'))}'`);
  await g.run(`COPY (SELECT 'P' || i id_colocacion, 'V' || (i % 20000) id_vacante, 'B' || (i % 20000) id_buscador,
    DATE '2016-03-01' + (i % 3500)::INT fecha_colocacion, 480.25 salario, 'PORTAL' canal FROM range(${ROWS}) t(i)) TO '${q(join(dir, 'colocaciones.csv'))}'`);
  g.close();
}

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(csv);
  await writeExport();
  await updateWarehouse(dbPath, (w) => loadFiles(w, [csv], { now: new Date('2026-11-01T00:00:00Z'), key: pseudonymKey(key) }));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a load killed with SIGKILL', () => {
  it('leaves the served warehouse whole and answering, and a later load completes', async () => {
    const served = await ServedWarehouse.open(dbPath, { pollMs: 50, graceMs: 10 });
    const count = async () => (await served.current().rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM placement'))[0]!.n;
    const ledger = async () => (await served.current().rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM load_ledger'))[0]!.n;
    expect(await count()).toBe(0);
    const loadsBefore = await ledger();

    const child = spawn(process.execPath, ['--import', 'tsx', resolve('etl/cli.ts'), 'load', join(dir, 'colocaciones.csv')], {
      env: { ...process.env, FARO_DB: dbPath, FARO_DATA_DIR: dir, FARO_PSEUDONYM_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    await new Promise<void>((resolveKill, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/Validando|Escribiendo/.test(stderr)) {
          child.kill('SIGKILL');
          resolveKill();
        }
      });
      child.on('exit', () => reject(new Error(`the load ended before it could be killed: ${stderr}`)));
    });
    await new Promise((r) => child.once('exit', r));
    expect(child.signalCode).toBe('SIGKILL');

    expect(await count()).toBe(0);
    expect(await ledger()).toBe(loadsBefore);
    const fresh = await Warehouse.open({ path: dbPath, access: 'read' });
    expect((await fresh.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM load_ledger'))[0]!.n).toBe(loadsBefore);
    fresh.close();

    await updateWarehouse(dbPath, (w) => loadFiles(w, [join(dir, 'colocaciones.csv')], { now: new Date('2026-11-01T00:00:00Z'), key: pseudonymKey(key) }));
    await served.reopen();
    expect(await count()).toBe(ROWS);
    expect(existsSync(`${dbPath}.next`)).toBe(false);
    served.close();
  }, 120_000);
});
