import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStack, TEST_ACCOUNTS, type DemoStack } from './demo-stack.ts';

let stack: DemoStack;
beforeAll(async () => {
  stack = await startDemoStack('tiny');
});
afterAll(async () => {
  await stack?.close();
});

async function signedIn(account: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${stack.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const firms = async (cookie?: string, query = '') => fetch(`${stack.url}/api/queries/firms-to-visit?format=json${query}`, { headers: cookie ? { cookie } : {} });

describe('firm-level data through the API', () => {
  it('shows a concertador only the firms of their own territory, and audits each answer', async () => {
    const pichincha = await signedIn(TEST_ACCOUNTS.concertador);
    const guayas = await signedIn(TEST_ACCOUNTS.concertadorGuayas);
    const rows17 = (await (await firms(pichincha)).json()).rows as { canton_code: string; firm_id: string }[];
    const rows09 = (await (await firms(guayas)).json()).rows as { canton_code: string; firm_id: string }[];
    const [{ n17, n09 }] = (await stack.served.current().rows<{ n17: number; n09: number }>(
      "SELECT count(*) FILTER (province_code = '17')::INTEGER AS n17, count(*) FILTER (province_code = '09')::INTEGER AS n09 FROM firm",
    )) as [{ n17: number; n09: number }];
    expect(n17).toBeGreaterThan(0);
    expect(n09).toBeGreaterThan(0);
    expect(rows17).toHaveLength(n17);
    expect(rows09).toHaveLength(n09);
    expect(rows17.every((r) => r.canton_code.startsWith('17'))).toBe(true);
    expect(rows09.every((r) => r.canton_code.startsWith('09'))).toBe(true);
    const again = (await (await firms(pichincha)).json()).rows as unknown[];
    expect(again).toEqual(rows17);
    const audit = await stack.audit.recent();
    expect(audit.filter((a) => a.query === 'firms-to-visit').map((a) => a.username).sort()).toEqual(['concertador', 'concertador', 'concertadora-guayas']);
  });

  it('refuses anonymous visitors, policy staff and attempts to widen the scope', async () => {
    expect((await firms()).status).toBe(401);
    expect((await firms(await signedIn(TEST_ACCOUNTS.policy))).status).toBe(403);
    const pichincha = await signedIn(TEST_ACCOUNTS.concertador);
    for (const q of ['&territories=09', '&province=09', "&limit=1%20OR%201=1"]) expect((await firms(pichincha, q)).status, q).toBe(400);
  });
});
