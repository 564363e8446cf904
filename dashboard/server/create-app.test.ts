import { tableFromIPC } from 'apache-arrow';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAggregates } from '../../warehouse/aggregates.ts';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { SESSION_COOKIE, signSession } from './auth/session-cookie.ts';
import { createApp } from './create-app.ts';

let w: Warehouse;
let server: Server;
let base: string;
const SECRET = randomBytes(32);
const staff = { cookie: `${SESSION_COOKIE}=${signSession({ username: 't', role: 'policy', territories: [], expires: Date.now() + 3600_000 }, SECRET)}` };

beforeAll(async () => {
  w = await memoryWarehouse();
  await w.run(`INSERT INTO placement SELECT 'P' || i, 's', 'v', DATE '2024-05-03', DATE '2024-05-01', 'OF', CASE WHEN i < 3 THEN '17' ELSE '09' END,
    '1701', 'G', '5', 'F', '18-24', 400, 'portal', 1 FROM range(5) t(i)`);
  await rebuildAggregates(w);
  await w.run(`INSERT INTO load_ledger VALUES (1, 'placements', 'colocaciones.csv', 'abc', 5, 5, 0, 'loaded', NULL, TIMESTAMP '2026-10-01 08:00:00', TIMESTAMP '2026-10-01 08:00:05')`);
  server = createApp({ warehouse: () => w, sessionSecret: SECRET }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  w.close();
});

const url = (path: string) => `${base}${path}`;

describe('the API', () => {
  it('lists the catalogue with bilingual documentation', async () => {
    const body = await (await fetch(url('/api/queries'))).json();
    const q = body.queries.find((x: { name: string }) => x.name === 'placements-by-month-province');
    expect(q).toMatchObject({ audience: 'policy', title: { es: 'Colocaciones por mes y provincia', en: 'Placements by month and province' } });
  });

  it('answers JSON with rows and freshness', async () => {
    const res = await fetch(url('/api/queries/placements-by-month-province?from=2024-01&to=2024-12&format=json'), { headers: staff });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows).toEqual([
      { month: '2024-05', province_code: '09', placements: 2 },
      { month: '2024-05', province_code: '17', placements: 3 },
    ]);
    expect(body.freshness).toEqual({ loadedAt: '2026-10-01T08:00:05', sources: ['placements'] });
  });

  it('answers Arrow IPC by Accept header, with freshness in a header and in the schema', async () => {
    const res = await fetch(url('/api/queries/placements-by-month-province?from=2024-01&to=2024-12'), { headers: { accept: 'application/vnd.apache.arrow.stream', ...staff } });
    expect(res.headers.get('content-type')).toMatch(/arrow/);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(2);
    expect(table.getChild('placements')!.toArray()).toEqual(Int32Array.from([2, 3]));
    expect(JSON.parse(table.schema.metadata.get('faro.freshness')!)).toMatchObject({ sources: ['placements'] });
    expect(JSON.parse(res.headers.get('faro-freshness')!)).toMatchObject({ loadedAt: '2026-10-01T08:00:05' });
  });

  it('answers CSV with a byte-order mark and a header line', async () => {
    const res = await fetch(url('/api/queries/placements-by-month-province?from=2024-01&to=2024-12&format=csv'), { headers: staff });
    const text = await res.text();
    expect(res.headers.get('content-disposition')).toMatch(/placements-by-month-province\.csv/);
    expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('month,province_code,placements');
    expect(new Uint8Array(await (await fetch(url('/api/queries/provinces?format=csv'))).arrayBuffer()).slice(0, 3)).toEqual(Uint8Array.from([0xef, 0xbb, 0xbf]));
  });

  it('refuses bad parameters with a 400 that names them and never echoes SQL', async () => {
    for (const q of ['from=2024-13', 'provincia=17', "province=17'%20OR%201=1--", 'from=2024-01&from=2024-02', 'format=xml']) {
      const res = await fetch(url(`/api/queries/placements-by-month-province?${q}`), { headers: staff });
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error.message, q).not.toMatch(/SELECT|FROM|placement p|\bat\s/);
    }
  });

  it('answers an empty result in every format', async () => {
    const arrow = await fetch(url('/api/queries/placements-by-month-province?from=2030-01&to=2030-12'), { headers: { accept: 'application/vnd.apache.arrow.stream', ...staff } });
    expect(arrow.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await arrow.arrayBuffer()));
    expect([table.numRows, table.schema.fields.map((f) => f.name)]).toEqual([0, ['month', 'province_code', 'placements']]);
    expect((await (await fetch(url('/api/queries/placements-by-month-province?from=2030-01&to=2030-12&format=json'), { headers: staff })).json()).rows).toEqual([]);
  });

  it('answers 404 for an unknown query or route', async () => {
    expect((await fetch(url('/api/queries/nope'))).status).toBe(404);
    expect((await fetch(url('/api/nothing'))).status).toBe(404);
  });
});
