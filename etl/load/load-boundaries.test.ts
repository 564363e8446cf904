import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../warehouse/testing/shared-data.ts';
import { loadFixture } from '../testing/load-fixture.ts';
import { isBoundaryFile, loadBoundaryFile } from './load-boundaries.ts';
import { LoadError } from './load-error.ts';
import { loadFiles, planFiles } from './load-files.ts';

const f = loadFixture('boundary');
const square = (x: number, y: number) => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];
const feature = (code: unknown, geometry: unknown) => ({ type: 'Feature', properties: { codigo_provincia: code, provincia: `P${String(code)}` }, geometry });

/** A hand-made file: Pichincha (good), code 99 (unknown), Guayas with an open ring (bad geometry). */
function tinyFile(name = 'tiny-provincias.geojson'): string {
  const path = join(f.dir, name);
  writeFileSync(path, JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature('17', { type: 'Polygon', coordinates: square(-78.51234, -0.5) }),
      feature('99', { type: 'Polygon', coordinates: square(-79, -1) }),
      feature('09', { type: 'Polygon', coordinates: [[[-80, -2], [-79, -2], [-79, -1], [-80, -1.5]]] }),
    ],
  }));
  return path;
}

describe('the boundary loader', () => {
  it('recognises boundary files by name', () => {
    expect(isBoundaryFile('a/ecuador-provincias.geojson')).toBe(true);
    expect(isBoundaryFile('ecuador-dpa.topojson')).toBe(true);
    expect(isBoundaryFile('limites-provincias.json')).toBe(true);
    expect(isBoundaryFile('colocaciones_2024-05.csv')).toBe(false);
    expect(isBoundaryFile('settings.json')).toBe(false);
  });

  it('loads the good feature and rejects the unknown code and the bad geometry, each with its reason', async () => {
    const r = await loadBoundaryFile(f.warehouse, tinyFile(), f.options);
    expect(r).toMatchObject({ status: 'loaded', source: 'limites', rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect(await f.warehouse.rows("SELECT level, code, name, geometry_json FROM boundary")).toEqual([
      { level: 'province', code: '17', name: 'P17', geometry_json: JSON.stringify({ type: 'Polygon', coordinates: square(-78.5123, -0.5) }) },
    ]);
    const rejects = await f.warehouse.rows<{ line: number; column_name: string; value: string; reason: string }>(
      'SELECT line::INTEGER AS line, column_name, value, reason FROM load_reject WHERE load_id = ? ORDER BY line', [r.loadId],
    );
    expect(rejects.map((x) => [x.line, x.column_name])).toEqual([[2, 'codigo_provincia'], [3, 'geometry']]);
    expect(rejects[0]!.value).toBe('99');
    expect(rejects[0]!.reason).toMatch(/^codigo_desconocido/);
    expect(rejects[1]!.reason).toMatch(/^geometria_invalida: un anillo no se cierra/);
    const [ledger] = await f.warehouse.rows('SELECT source, file_name, rows_read::INTEGER AS r, rows_loaded::INTEGER AS l, rows_rejected::INTEGER AS j FROM load_ledger WHERE load_id = ?', [r.loadId]);
    expect(ledger).toEqual({ source: 'limites', file_name: 'tiny-provincias.geojson', r: 3, l: 1, j: 2 });
  });

  it('changes nothing when the same bytes are loaded again', async () => {
    const before = await f.warehouse.rows('SELECT count(*)::INTEGER AS n FROM load_ledger');
    const r = await loadBoundaryFile(f.warehouse, tinyFile('again-provincias.geojson'), f.options);
    expect(r.status).toBe('unchanged');
    expect(await f.warehouse.rows('SELECT count(*)::INTEGER AS n FROM load_ledger')).toEqual(before);
  });

  it('rejects non-polygons, missing codes and repeated codes; a new file replaces the level', async () => {
    const path = join(f.dir, 'otra-provincias.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: [
      feature(1, { type: 'MultiPolygon', coordinates: [square(-79, -3)] }),
      feature('01', { type: 'Polygon', coordinates: square(-79, -3) }),
      feature('02', { type: 'Point', coordinates: [-79, -2] }),
      feature(null, { type: 'Polygon', coordinates: square(-79, -3) }),
    ] }));
    const r = await loadBoundaryFile(f.warehouse, path, f.options);
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3, rowsReplaced: 1 });
    expect(await f.warehouse.rows('SELECT code FROM boundary')).toEqual([{ code: '01' }]);
    const reasons = (await f.warehouse.rows<{ reason: string }>('SELECT reason FROM load_reject WHERE load_id = ? ORDER BY line', [r.loadId])).map((x) => x.reason.split(':')[0]);
    expect(reasons).toEqual(['duplicado', 'geometria_no_poligonal', 'falta_valor']);
  });

  it('refuses a file that is not GeoJSON or TopoJSON, naming it', async () => {
    const path = join(f.dir, 'roto-provincias.geojson');
    writeFileSync(path, '{"type": "Feature"}');
    await expect(loadBoundaryFile(f.warehouse, path, f.options)).rejects.toThrow(LoadError);
    writeFileSync(path, '{not json');
    await expect(loadBoundaryFile(f.warehouse, path, f.options)).rejects.toThrow(/json_ilegible/);
  });

  it('plans boundary files of a folder first', () => {
    writeFileSync(join(f.dir, 'oficinas.csv'), 'x\n');
    const plan = planFiles([f.dir]).map((p) => p.split('/').pop());
    expect(plan[plan.length - 1]).toBe('oficinas.csv');
    expect(plan.slice(0, -1).every((p) => p!.endsWith('.geojson'))).toBe(true);
  });
});

const provincesGeojson = sharedData('ecuador/geo/ecuador-provincias.geojson');
const dpaTopojson = sharedData('ecuador/geo/ecuador-dpa.topojson');

describe('the real boundary files', () => {
  it.skipIf(!provincesGeojson)("loads the 24 provinces of INEC's DPA with no reject", async () => {
    const [r] = await loadFiles(f.warehouse, [provincesGeojson!], f.options);
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 24, rowsLoaded: 24, rowsRejected: 0 });
    const [row] = await f.warehouse.rows<{ n: number; missing: number }>(`SELECT count(*)::INTEGER AS n,
      (SELECT count(*) FROM territory t WHERE t.level = 'province' AND t.code <> '90' AND t.code NOT IN (SELECT code FROM boundary WHERE level = 'province'))::INTEGER AS missing
      FROM boundary WHERE level = 'province'`);
    expect(row).toEqual({ n: 24, missing: 0 });
  });

  it.skipIf(!dpaTopojson)('reads the TopoJSON: 24 provinces and 221 cantons, none rejected', async () => {
    const r = await loadBoundaryFile(f.warehouse, dpaTopojson!, f.options);
    expect(r).toMatchObject({ rowsRead: 245, rowsLoaded: 245, rowsRejected: 0, summary: { canton: 221, province: 24 } });
  });
});
