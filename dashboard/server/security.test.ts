import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import { prepareWarehouse } from '../../warehouse/publish.ts';
import { QueryTimeoutError, Warehouse } from '../../warehouse/warehouse.ts';
import { ROUTE_MATRIX } from './access.ts';
import { hashPassword } from './auth/password.ts';
import { FileUserStore } from './auth/user-store.ts';
import { createApp } from './create-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-sec-'));
let w: Warehouse;
let server: Server;
let base: string;
const users = new FileUserStore(join(dir, 'users.json'));

async function listen(app: ReturnType<typeof createApp>): Promise<[Server, string]> {
  const s = app.listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  return [s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`];
}

beforeAll(async () => {
  w = await memoryWarehouse();
  users.save({ username: 'ana', role: 'policy', territories: [], passwordHash: await hashPassword('una clave larga') });
  [server, base] = await listen(createApp({ warehouse: () => w, users, sessionSecret: randomBytes(32), queryTimeoutMs: 2000 }));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (username: string, password: string) =>
  fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('roles', () => {
  it('lets anyone run public queries and only signed-in staff run policy queries', async () => {
    expect((await fetch(`${base}/api/queries/provinces`)).status).toBe(200);
    const anonymous = await fetch(`${base}/api/queries/placements-by-month-province`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('sign_in_required');

    expect((await signIn('ana', 'otra clave cualquiera')).status).toBe(401);
    expect((await signIn('nadie', 'una clave larga')).status).toBe(401);
    const ok = await signIn('ana', 'una clave larga');
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const sessionCookie = setCookie.split(';')[0]!;
    expect((await fetch(`${base}/api/queries/placements-by-month-province`, { headers: { cookie: sessionCookie } })).status).toBe(200);
    expect(await (await fetch(`${base}/api/session`, { headers: { cookie: sessionCookie } })).json()).toEqual({ user: { username: 'ana', role: 'policy', territories: [] } });

    const [payload, signature] = sessionCookie.split('=')[1]!.split('.');
    const forged = Buffer.from(JSON.stringify({ username: 'ana', role: 'concertador', territories: ['17'], expires: Date.now() + 1e6 })).toString('base64url');
    for (const bad of [`${forged}.${signature}`, `${payload}.x${signature}`, 'garbage']) {
      expect((await fetch(`${base}/api/queries/placements-by-month-province`, { headers: { cookie: `faro_session=${bad}` } })).status).toBe(401);
    }
  });

  it('covers every route in the route x role matrix', () => {
    const app = createApp({ warehouse: () => w, sessionSecret: randomBytes(32), staticDir: 'dist/dashboard' });
    const registered = (app.router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
      .filter((l) => l.route)
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`));
    expect(registered.sort()).toEqual(ROUTE_MATRIX.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('hardening', () => {
  it('sends security headers and never a stack trace', async () => {
    const res = await fetch(`${base}/api/queries/provinces`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const bad = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at .*\.(ts|js)|SyntaxError/);
  });

  it('refuses injection attempts, oversized parameters and bodies', async () => {
    for (const q of ["province=17'--", 'province=17%3B%20DROP%20TABLE%20placement', `from=${'2'.repeat(5000)}`, 'from[]=2024-01', 'province=..%2F..%2Fetc%2Fpasswd']) {
      const res = await fetch(`${base}/api/queries/provinces?${q}`);
      expect(res.status, q).toBe(400);
    }
    const huge = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'a', password: 'x'.repeat(10_000) }) });
    expect(huge.status).toBe(413);
  });

  it('answers 429 past the rate limit', async () => {
    const [s, b] = await listen(createApp({ warehouse: () => w, sessionSecret: randomBytes(32), rateLimitPerMinute: 5 }));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${b}/api/health`)).status);
    await new Promise((r) => s.close(r));
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('opens the served warehouse so that no SQL can read files or change that', async () => {
    const path = join(dir, 'served.duckdb');
    const writable = await Warehouse.open({ path, access: 'write' });
    await prepareWarehouse(writable);
    writable.close();
    const served = await Warehouse.open({ path, access: 'read' });
    try {
      await expect(served.rows("SELECT * FROM read_csv('/etc/passwd')")).rejects.toThrow(/disabled|external|Permission/i);
      await expect(served.run('SET enable_external_access = true')).rejects.toThrow(/lock/i);
      await expect(served.run("COPY territory TO '/tmp/x.csv'")).rejects.toThrow();
      await expect(served.run("CREATE TABLE x (a INTEGER)")).rejects.toThrow(/read-only/i);
    } finally {
      served.close();
    }
  });

  it('interrupts a query that runs past its time-out', async () => {
    await expect(w.columns('SELECT sum(i * i) FROM range(20000000000) t(i)', undefined, { timeoutMs: 100 })).rejects.toBeInstanceOf(QueryTimeoutError);
    expect((await w.rows('SELECT 1 AS ok'))[0]).toEqual({ ok: 1 });
  });
});
