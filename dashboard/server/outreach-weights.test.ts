import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryWarehouse } from '../../warehouse/testing/memory-warehouse.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { hashPassword } from './auth/password.ts';
import { FileUserStore } from './auth/user-store.ts';
import { createApp } from './create-app.ts';
import { FileWeightStore, weightParams } from './outreach-weights.ts';

const dir = mkdtempSync(join(tmpdir(), 'faro-weights-'));
const users = new FileUserStore(join(dir, 'users.json'));
const secret = randomBytes(32);
let w: Warehouse;
const servers: Server[] = [];

async function serve(): Promise<string> {
  const app = createApp({ warehouse: () => w, users, sessionSecret: secret, weights: new FileWeightStore(join(dir, 'weights.json')), warmUp: false });
  const s = app.listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  servers.push(s);
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  w = await memoryWarehouse();
  const hash = await hashPassword('una clave larga');
  users.save({ username: 'ana', role: 'concertador', territories: ['17'], passwordHash: hash });
  users.save({ username: 'beto', role: 'concertador', territories: ['17', '09'], passwordHash: hash });
  users.save({ username: 'carla', role: 'concertador', territories: ['09'], passwordHash: hash });
  users.save({ username: 'pablo', role: 'policy', territories: [], passwordHash: hash });
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  w.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cookieFor(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'una clave larga' }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const put = (base: string, cookie: string, body: unknown) =>
  fetch(`${base}/api/outreach/weights`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
const get = async (base: string, cookie?: string) => fetch(`${base}/api/outreach/weights`, { headers: cookie ? { cookie } : {} });

describe('target weights saved per office', () => {
  it('knows the weights of each scored query from its own parameters', () => {
    expect(weightParams('target-sectors').sort()).toEqual(['w_growth', 'w_lq', 'w_tightness', 'w_youth']);
    expect(weightParams('target-firms')).toContain('w_contact');
  });

  it('keeps them for the office (the first territory), shared by its concertadores and kept across restarts', async () => {
    const base = await serve();
    const ana = await cookieFor(base, 'ana');
    expect(await (await get(base, ana)).json()).toEqual({ office: '17', weights: {}, updatedBy: null, updatedAt: null });
    const res = await put(base, ana, { weights: { 'target-sectors': { w_lq: '0.5', w_growth: '0.2', w_tightness: '0.2', w_youth: '0.1' } } });
    expect(res.status).toBe(200);
    const again = await serve();
    const beto = await (await get(again, await cookieFor(again, 'beto'))).json();
    expect(beto).toMatchObject({ office: '17', updatedBy: 'ana', weights: { 'target-sectors': { w_lq: '0.5', w_youth: '0.1' } } });
    expect(await (await get(again, await cookieFor(again, 'carla'))).json()).toMatchObject({ office: '09', weights: {} });
  });

  it('refuses the public, policy staff and malformed weights, saying why', async () => {
    const base = await serve();
    expect((await get(base)).status).toBe(401);
    expect((await get(base, await cookieFor(base, 'pablo'))).status).toBe(403);
    const ana = await cookieFor(base, 'ana');
    for (const [body, message] of [
      [{ weights: { 'kpi-summary': { w_lq: '0.5' } } }, /has no weights/],
      [{ weights: { 'target-sectors': { territory: '09' } } }, /not a weight of this query/],
      [{ weights: { 'target-sectors': { w_lq: '1.5' } } }, /from 0 to 1/],
      [{ weights: { 'target-sectors': { w_lq: 0.5 } } }, /as text/],
      [[1, 2], /Send a JSON body/],
    ] as const) {
      const res = await put(base, ana, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
  });
});
