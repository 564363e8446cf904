import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { updateWarehouse } from '../warehouse/publish.ts';
import { upgradeWarehouse } from '../warehouse/upgrade-warehouse.ts';
import { Warehouse } from '../warehouse/warehouse.ts';
import { formatTable } from './cli/format-table.ts';
import { progress } from './cli/progress.ts';
import { LoadError } from './load/load-error.ts';
import { loadFiles } from './load/load-files.ts';
import type { LoadReport } from './load/load-report.ts';
import { keyFromConfig } from './privacy/key-from-config.ts';
import { sourceById, SOURCES } from './sources/sources.ts';

const USAGE = `Uso / usage:
  npm run etl -- load <archivo|carpeta>... [--source <fuente>] [--force]
                                                                 carga archivos CSV/XLSX de la PES, la ENEMDU o portales de empleo,
                                                                 y límites de provincias/cantones (.geojson, .topojson)
                                                                 (--force recarga archivos ya cargados, p. ej. tras cambiar reglas)
  npm run etl -- status                                          muestra el registro de cargas y los rechazos
  npm run etl -- rejects [--load <id>] [--limit <n>]             lista las filas rechazadas con línea, columna y motivo
  npm run etl -- demo [--scale tiny|small|mx] [--seed <n>] [--if-absent]
                                                                 genera los datos de demostración y los carga
Fuentes / sources: ${SOURCES.map((s) => s.id).join(', ')}
Entorno / environment: FARO_DATA_DIR (data), FARO_DB (data/faro.duckdb), FARO_PSEUDONYM_KEY o FARO_KEY_FILE (data/faro.key)`;

const dataDir = resolve(process.env.FARO_DATA_DIR ?? 'data');
const dbPath = resolve(process.env.FARO_DB ?? `${dataDir}/faro.duckdb`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      scale: { type: 'string', default: 'small' },
      seed: { type: 'string', default: '20261124' },
      'if-absent': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      load: { type: 'string' },
      limit: { type: 'string', default: '50' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  mkdirSync(dataDir, { recursive: true });
  switch (command) {
    case 'load': {
      if (!rest.length) throw new Error('load: name at least one file or folder.');
      const source = values.source ? sourceById(values.source) : undefined;
      if (values.source && !source) throw new Error(`Unknown source "${values.source}". Known: ${SOURCES.map((s) => s.id).join(', ')}`);
      const reports = await load(rest, source, values.force);
      printReports(reports);
      return 0;
    }
    case 'demo': {
      if (values['if-absent'] && existsSync(dbPath)) {
        console.log(`El almacén ya existe / warehouse present: ${dbPath}`);
        if (await upgradeWarehouse(dbPath)) console.log('Almacén actualizado a esta versión / warehouse upgraded to this version.');
        return 0;
      }
      const scale = values.scale as 'tiny' | 'small' | 'mx';
      if (!['tiny', 'small', 'mx'].includes(scale)) throw new Error('--scale must be tiny, small or mx.');
      const outDir = resolve(dataDir, 'demo');
      const bar = progress();
      bar.step(`Generando datos de demostración (${scale})`);
      const { generateDemo } = await import('./demo/generate-demo.ts');
      const manifest = await generateDemo({ outDir, scale, seed: Number(values.seed) });
      bar.done();
      console.log(`Datos de demostración en ${outDir}: ${manifest.files.map((f) => `${f.file} ${f.rows.toLocaleString('es-EC')}`).join(', ')}`);
      printReports(await load([outDir], undefined, false));
      return 0;
    }
    case 'status': {
      if (!existsSync(dbPath)) {
        console.log(`No hay almacén en ${dbPath} / no warehouse yet.`);
        return 0;
      }
      const w = await Warehouse.open({ path: dbPath, access: 'read' });
      try {
        const rows = await w.rows<Record<string, string | number>>(
          `SELECT load_id, source, file_name, status, rows_read, rows_loaded, rows_rejected, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished
           FROM load_ledger ORDER BY load_id`,
        );
        console.log(formatTable(['carga', 'fuente', 'archivo', 'estado', 'leídas', 'cargadas', 'rechazadas', 'fin'],
          rows.map((r) => [String(r.load_id), String(r.source), String(r.file_name), String(r.status), Number(r.rows_read), Number(r.rows_loaded), Number(r.rows_rejected), String(r.finished)])));
        const [d] = await w.rows<Record<string, number>>(`SELECT count(*)::INTEGER AS records, count(DISTINCT person_id)::INTEGER AS persons,
          count(*) FILTER (id_status = 'valid')::INTEGER - count(DISTINCT person_id) FILTER (id_status = 'valid')::INTEGER AS by_cedula,
          count(*) FILTER (id_status <> 'valid' AND person_id <> match_key)::INTEGER AS by_profile,
          count(*) FILTER (id_status = 'invalid')::INTEGER AS invalid, count(*) FILTER (id_status = 'missing')::INTEGER AS missing FROM seeker`);
        if (d && d.records) {
          console.log(`\nBuscadores: ${d.records.toLocaleString('es-EC')} registros de ${d.persons!.toLocaleString('es-EC')} personas. ` +
            `Registros duplicados enlazados por la misma cédula: ${d.by_cedula}; por perfil (fecha de nacimiento + sexo + nombre normalizado + cantón) ` +
            `cuando la cédula falta o es inválida: ${d.by_profile}. Cédulas inválidas: ${d.invalid}; ausentes: ${d.missing}.`);
        }
      } finally {
        w.close();
      }
      return 0;
    }
    case 'rejects': {
      const w = await Warehouse.open({ path: dbPath, access: 'read' });
      try {
        const rows = await w.rows<Record<string, string | number | null>>(
          `SELECT load_id, file_name, line, column_name, value, reason FROM load_reject
           WHERE ($load::INTEGER IS NULL OR load_id = $load::INTEGER) ORDER BY load_id, line LIMIT $limit::INTEGER`,
          { load: values.load ? Number(values.load) : null, limit: Number(values.limit) },
        );
        console.log(formatTable(['carga', 'archivo', 'línea', 'columna', 'valor', 'motivo'],
          rows.map((r) => [String(r.load_id), String(r.file_name), String(r.line), String(r.column_name ?? ''), String(r.value ?? ''), String(r.reason)])));
      } finally {
        w.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

async function load(paths: string[], source: ReturnType<typeof sourceById>, force: boolean): Promise<LoadReport[]> {
  const key = keyFromConfig(process.env, { defaultFile: resolve(dataDir, 'faro.key'), create: true });
  const bar = progress();
  try {
    return await updateWarehouse(dbPath, (w) =>
      loadFiles(w, paths, {
        now: new Date(),
        key,
        source,
        force,
        onProgress: (percent) => bar.progress(percent),
        onStage: (stage, file) => bar.step(`${{ hash: 'Verificando', read: 'Leyendo', check: 'Validando', write: 'Escribiendo', derive: 'Reconstruyendo' }[stage]} ${file}`),
      }),
    );
  } finally {
    bar.done();
  }
}

function printReports(reports: LoadReport[]): void {
  console.log(formatTable(
    ['archivo', 'fuente', 'estado', 'leídas', 'cargadas', 'rechazadas', 'reemplazadas', 'seg'],
    reports.map((r) => [r.file.split('/').pop()!, r.source, r.status === 'unchanged' ? 'sin cambios' : 'cargado', r.rowsRead, r.rowsLoaded, r.rowsRejected, r.rowsReplaced, Number((r.durationMs / 1000).toFixed(1))]),
  ));
  for (const r of reports.filter((x) => x.summary)) console.log(`${r.file.split('/').pop()}: ${Object.entries(r.summary!).map(([k, v]) => `${k} = ${String(v)}`).join(', ')}`);
  const rejected = reports.reduce((n, r) => n + r.rowsRejected, 0);
  if (rejected) console.log(`\n${rejected.toLocaleString('es-EC')} filas rechazadas: vea "npm run etl -- rejects" (línea, columna y motivo de cada una).`);
  console.log(`Conciliación: leídas = cargadas + rechazadas en cada archivo. Almacén: ${dbPath}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LoadError ? `Error de carga: ${error.message}` : `Error: ${(error as Error).message}`);
    process.exit(1);
  },
);
