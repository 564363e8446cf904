import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBoundaryFile } from '../../etl/load/load-boundaries.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { runQuery } from '../catalogue/run-query.ts';
import { provinceBoundaries } from './province-boundaries.ts';

let w: Warehouse;
const dir = mkdtempSync(join(tmpdir(), 'faro-boundaries-query-'));
beforeAll(async () => {
  w = await memoryWarehouse();
});
afterAll(() => {
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('province-boundaries', () => {
  it('is empty before any boundary file is loaded', async () => {
    expect((await runQuery(w, provinceBoundaries, {})).rowCount).toBe(0);
  });

  it('answers each loaded province with its DPA name and its geometry cut to 3 decimals', async () => {
    const path = join(dir, 'mini-provincias.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { codigo_provincia: '20', provincia: 'GALAPAGOS' },
        geometry: { type: 'MultiPolygon', coordinates: [[[[-90.55555, -0.5], [-90.1, -0.5], [-90.1, -0.12345], [-90.55555, -0.5]]]] } },
      { type: 'Feature', properties: { codigo_provincia: '17', provincia: 'PICHINCHA' },
        geometry: { type: 'Polygon', coordinates: [[[-78.51234, -0.5], [-77.5, -0.5], [-77.5, 0.25], [-78.51234, -0.5]]] } },
      { type: 'Feature', properties: { codigo_provincia: '77', provincia: 'NINGUNA' }, geometry: null },
    ] }));
    expect(await loadBoundaryFile(w, path, { now: new Date('2026-10-15T12:00:00Z') })).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    const a = await runQuery(w, provinceBoundaries, {});
    expect(a.names).toEqual(['code', 'name', 'geometry']);
    expect(a.values[0]).toEqual(['17', '20']);
    expect(a.values[1]).toEqual(['Pichincha', 'Galápagos']);
    // Stored at 4 decimals (-78.5123, -90.5556, -0.1235 rounded), served with 3 digits kept.
    expect(a.values[2]).toEqual([
      '{"type":"Polygon","coordinates":[[[-78.512,-0.5],[-77.5,-0.5],[-77.5,0.25],[-78.512,-0.5]]]}',
      '{"type":"MultiPolygon","coordinates":[[[[-90.555,-0.5],[-90.1,-0.5],[-90.1,-0.123],[-90.555,-0.5]]]]}',
    ]);
  });
});
