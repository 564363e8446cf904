import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { LoadError } from './load-error.ts';
import type { LoadOptions } from './load-file.ts';
import type { LoadReport } from './load-report.ts';
import { decodeArcs, isTopology, objectFeatures, type GeoFeature } from './topojson.ts';

/** The territory levels a boundary file may bring, with the properties that hold their code and name. */
const LEVELS = {
  province: { codeProperty: 'codigo_provincia', nameProperty: 'provincia', digits: 2 },
  canton: { codeProperty: 'codigo_canton', nameProperty: 'canton', digits: 4 },
} as const;

/** A territory level boundaries are kept for. */
export type BoundaryLevel = keyof typeof LEVELS;

/** The ledger's source name for boundary files. */
export const BOUNDARY_SOURCE = 'limites';

/**
 * True when a file name is a boundary file: any `.geojson` or `.topojson`, and a `.json` named
 * after provinces or cantons (`ecuador-provincias.json`). Folders are searched for the first two only.
 */
export function isBoundaryFile(fileName: string): boolean {
  const name = basename(fileName).toLowerCase();
  return /\.(geojson|topojson)$/.test(name) || (/\.json$/.test(name) && /(provincia|cant[oó]n|limite|boundar)/.test(name));
}

/** One feature that passed every check, ready to write. */
interface BoundaryRow {
  level: BoundaryLevel;
  code: string;
  name: string;
  geometry: string;
}

/** One feature refused, with its position in the file (1-based, layers in order), column, value and reason. */
interface BoundaryReject {
  line: number;
  column: string;
  value: string | null;
  reason: string;
}

/**
 * Loads a boundary file (GeoJSON FeatureCollection, or TopoJSON whose objects are named after
 * provinces or cantons) into `boundary`, in one transaction: each feature whose DPA code is a
 * known territory of its level and whose geometry is a valid Polygon or MultiPolygon is loaded;
 * every other feature is recorded in `load_reject` (its 1-based position in the file as the
 * line). The levels the file brings replace their earlier boundaries; the same bytes loaded
 * twice change nothing. Coordinates are kept, rounded to 4 decimals (about 11 m).
 */
export async function loadBoundaryFile(warehouse: Warehouse, path: string, options: Pick<LoadOptions, 'now' | 'force'>): Promise<LoadReport> {
  const started = Date.now();
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new LoadError(path, 0, null, 'archivo_vacio: el archivo no tiene contenido');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { file: path, source: BOUNDARY_SOURCE, sha256, encoding: 'utf-8', delimiter: '' };
  const [previous] = await warehouse.rows<{ load_id: number; rows_read: number }>(
    "SELECT load_id, rows_read FROM load_ledger WHERE sha256 = ? AND status = 'loaded' ORDER BY load_id DESC LIMIT 1",
    [sha256],
  );
  if (previous && !options.force) {
    return {
      ...base, loadId: previous.load_id, status: 'unchanged', rowsRead: Number(previous.rows_read), rowsLoaded: 0, rowsRejected: 0,
      rowsReplaced: 0, durationMs: Date.now() - started, message: `ya cargado en la carga ${previous.load_id}; nada cambia`,
    };
  }
  const layers = readLayers(path, bytes);
  const known = new Set((await warehouse.rows<{ key: string }>(
    "SELECT level || ':' || code AS key FROM territory WHERE level IN ('province', 'canton')",
  )).map((r) => r.key));
  const rows: BoundaryRow[] = [];
  const rejects: BoundaryReject[] = [];
  let line = 0;
  for (const layer of layers) {
    const seen = new Map<string, number>();
    for (const feature of layer.features) {
      line++;
      const checked = checkFeature(feature, layer.level, known);
      if ('reason' in checked) {
        rejects.push({ line, ...checked });
        continue;
      }
      const first = seen.get(checked.code);
      if (first !== undefined) {
        rejects.push({ line, column: LEVELS[layer.level].codeProperty, value: checked.code, reason: `duplicado: el mismo código aparece antes en el elemento ${first}` });
        continue;
      }
      seen.set(checked.code, line);
      rows.push(checked);
    }
  }
  const levels = [...new Set(rows.map((r) => r.level))];
  const file = basename(path);
  const counts = await warehouse.transaction(async (tx) => {
    const [{ load_id: loadId }] = (await tx.rows<{ load_id: number }>("SELECT nextval('load_id_seq')::INTEGER AS load_id")) as [{ load_id: number }];
    const [{ n: replaced }] = (await tx.rows<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM boundary WHERE list_contains(?::VARCHAR[], level)', [JSON.stringify(levels)],
    )) as [{ n: number }];
    await tx.run('DELETE FROM boundary WHERE list_contains(?::VARCHAR[], level)', [JSON.stringify(levels)]);
    for (const r of rows) await tx.run('INSERT INTO boundary (level, code, name, geometry_json, load_id) VALUES (?, ?, ?, ?, ?)', [r.level, r.code, r.name, r.geometry, loadId]);
    for (const r of rejects) await tx.run('INSERT INTO load_reject VALUES (?, ?, ?, ?, ?, ?)', [loadId, file, r.line, r.column, r.value, r.reason]);
    await tx.run(
      `INSERT INTO load_ledger (load_id, source, file_name, sha256, rows_read, rows_loaded, rows_rejected, status, message, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?::TIMESTAMP, ?::TIMESTAMP)`,
      [loadId, BOUNDARY_SOURCE, file, sha256, line, rows.length, rejects.length, `niveles: ${levels.join(', ') || 'ninguno'}`,
        options.now.toISOString(), options.now.toISOString()],
    );
    return { loadId, rowsReplaced: Number(replaced) };
  });
  await warehouse.checkpoint();
  return {
    ...base, ...counts, status: 'loaded', rowsRead: line, rowsLoaded: rows.length, rowsRejected: rejects.length,
    durationMs: Date.now() - started, summary: Object.fromEntries(levels.map((l) => [l, rows.filter((r) => r.level === l).length])),
  };
}

/** The file's layers of features with their level: one for GeoJSON, one per named object for TopoJSON. */
function readLayers(path: string, bytes: Buffer): { level: BoundaryLevel; features: unknown[] }[] {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new LoadError(path, 0, null, `json_ilegible: el archivo no es JSON válido (${(error as Error).message})`);
  }
  if (isTopology(json)) {
    const arcs = decodeArcs(json);
    return Object.keys(json.objects).map((name) => {
      const features = objectFeatures(json, name, arcs);
      return { level: levelOf(path, name, features), features };
    });
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new LoadError(path, 0, null, 'formato_desconocido: se espera un FeatureCollection de GeoJSON o un Topology de TopoJSON');
  }
  return [{ level: levelOf(path, basename(path), collection.features), features: collection.features }];
}

/** The level of a layer: from its name (provincias, cantones), else from the properties of its first feature. */
function levelOf(path: string, name: string, features: readonly unknown[]): BoundaryLevel {
  if (/cant[oó]n/i.test(name)) return 'canton';
  if (/provincia/i.test(name)) return 'province';
  const properties = (features[0] as GeoFeature | undefined)?.properties ?? {};
  if (LEVELS.canton.codeProperty in properties) return 'canton';
  if (LEVELS.province.codeProperty in properties) return 'province';
  throw new LoadError(path, 0, null, `nivel_desconocido: la capa "${name}" no dice si son provincias o cantones (ni por su nombre ni por ${LEVELS.province.codeProperty}/${LEVELS.canton.codeProperty})`);
}

/** Checks one feature: its DPA code against the territories of its level, then its geometry. */
function checkFeature(feature: unknown, level: BoundaryLevel, known: ReadonlySet<string>): BoundaryRow | Omit<BoundaryReject, 'line'> {
  const spec = LEVELS[level];
  const f = feature as Partial<GeoFeature> | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature') {
    return { column: 'type', value: String(f?.type ?? typeof feature).slice(0, 200), reason: 'elemento_invalido: se espera un Feature de GeoJSON' };
  }
  const raw = f.properties?.[spec.codeProperty];
  const code = typeof raw === 'number' && Number.isInteger(raw) ? String(raw).padStart(spec.digits, '0') : typeof raw === 'string' ? raw.trim() : null;
  if (code === null || code === '') {
    return { column: spec.codeProperty, value: null, reason: `falta_valor: el elemento no tiene ${spec.codeProperty}` };
  }
  if (!known.has(`${level}:${code}`)) {
    return { column: spec.codeProperty, value: code.slice(0, 200), reason: `codigo_desconocido: ${code} no es un código DPA de ${level === 'province' ? 'provincia' : 'cantón'}` };
  }
  const problem = geometryProblem(f.geometry);
  if (problem) {
    return { column: 'geometry', value: JSON.stringify(f.geometry ?? null).slice(0, 200), reason: problem };
  }
  const geometry = f.geometry!;
  const name = f.properties?.[spec.nameProperty];
  return {
    level, code, name: typeof name === 'string' && name.trim() ? name.trim() : code,
    geometry: JSON.stringify({ type: geometry.type, coordinates: round(geometry.coordinates) }),
  };
}

/** Why a geometry cannot be drawn as a territory, or null when it is a valid Polygon or MultiPolygon. */
export function geometryProblem(geometry: GeoFeature['geometry'] | undefined): string | null {
  if (!geometry || typeof geometry !== 'object') return 'geometria_ausente: el elemento no tiene geometría';
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return `geometria_no_poligonal: se espera Polygon o MultiPolygon, no ${String(geometry.type)}`;
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'geometria_invalida: sin coordenadas';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'geometria_invalida: un polígono sin anillos';
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4) return 'geometria_invalida: un anillo con menos de 4 posiciones';
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
          return 'geometria_invalida: una posición no es [longitud, latitud]';
        }
        if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return `geometria_invalida: posición fuera de rango (${p[0]}, ${p[1]})`;
      }
      const [a, b] = [ring[0] as number[], ring[ring.length - 1] as number[]];
      if (a[0] !== b[0] || a[1] !== b[1]) return 'geometria_invalida: un anillo no se cierra (la última posición no repite la primera)';
    }
  }
  return null;
}

/** Rounds every position to 4 decimals (about 11 m) and keeps longitude and latitude only. */
function round(coordinates: unknown): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (typeof coordinates[0] === 'number') return coordinates.slice(0, 2).map((x: number) => Math.round(x * 1e4) / 1e4);
  return coordinates.map(round);
}
