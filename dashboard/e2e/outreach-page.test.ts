import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { startDemoStack, TEST_ACCOUNTS, type DemoStack } from './demo-stack.ts';

let stack: DemoStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const es2 = new Intl.NumberFormat('es-EC', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' });

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startDemoStack('tiny');
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

async function signIn(p: Page, account: { username: string; password: string }, path = '/concertacion'): Promise<void> {
  await p.goto(`${stack.url}${path}`);
  await p.getByTestId('signin-username').fill(account.username);
  await p.getByTestId('signin-password').fill(account.password);
  await p.getByTestId('signin-submit').click();
}

/** The API's answer through the page's own session cookie. */
async function api<T>(p: Page, query: string): Promise<T[]> {
  const res = await p.request.get(`${stack.url}/api/queries/${query}${query.includes('?') ? '&' : '?'}format=json`);
  expect(res.status(), query).toBe(200);
  return ((await res.json()) as { rows: T[] }).rows;
}

const column = (p: Page, testId: string, index: number) =>
  p.$$eval(`[data-testid="${testId}"] tbody tr`, (rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]!.textContent ?? ''), index);
const ranking = (p: Page) => p.$$eval('[data-testid="sector-ranking"] li', (lis) => lis.map((li) => li.getAttribute('data-sector')));

/** Splits RFC 4180 CSV text into records. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field.replace(/\r$/, '')); out.push(row); row = []; field = ''; } else field += c;
  }
  return out;
}

describe('the outreach page in a real browser', () => {
  it('shows a Pichincha concertador the local analysis with the API location quotients', async () => {
    await signIn(page, TEST_ACCOUNTS.concertador);
    await page.getByTestId('lq-chart').locator('svg').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('territory-filter').inputValue()).toBe('17');
    const sectors = await api<{ sector_code: string; employed_territory: number; lq_employment: number | null }>(page, 'market-sectors?territory=17');
    const shown = sectors.filter((r) => r.employed_territory > 0 && r.lq_employment !== null);
    expect(shown.length).toBeGreaterThan(3);
    expect(await page.getByTestId('lq-chart').locator('svg [aria-label="dot"] circle, svg [aria-label="dot"] path').count()).toBeGreaterThanOrEqual(shown.length);
    await page.getByRole('button', { name: 'Tabla' }).first().click();
    const table = await page.getByTestId('lq-table').innerText();
    for (const r of shown) expect(table).toContain(es2.format(r.lq_employment!));
    for (const id of ['shift-chart', 'tightness-chart', 'wages-chart', 'structure-chart']) await page.getByTestId(id).locator('svg').first().waitFor();
  });

  it('lists only Pichincha firms, re-ranks sectors when a weight changes, and exports the visit list', async () => {
    await page.getByTestId('view-focalizacion').click();
    await page.getByTestId('firms-table').waitFor({ timeout: 15_000 });
    const firms = await api<{ name: string; canton_code: string }>(page, 'target-firms?limit=500');
    const cantons = await column(page, 'firms-table', 3);
    expect(cantons).toHaveLength(firms.length);
    expect(cantons.length).toBeGreaterThan(0);
    expect(cantons.every((c) => c.startsWith('17'))).toBe(true);

    await page.getByTestId('sector-ranking').locator('li').first().waitFor();
    const before = await ranking(page);
    const reweighted = await api<{ sector_code: string }>(page, 'target-sectors?territory=17&w_lq=0&w_growth=0.3&w_tightness=0.2&w_youth=1');
    expect(reweighted.map((r) => r.sector_code)).not.toEqual(before);
    await page.getByTestId('weight-peso_cl').focus();
    await page.keyboard.press('Home');
    await page.getByTestId('weight-peso_jovenes').focus();
    await page.keyboard.press('End');
    await expect.poll(() => ranking(page), { timeout: 10_000 }).toEqual(reweighted.map((r) => r.sector_code));
    expect(page.url()).toMatch(/peso_cl=0(&|$)/);
    expect(page.url()).toMatch(/peso_jovenes=1(&|$)/);
    expect(await page.getByTestId('weights-saved').innerText()).toMatch(/para su oficina \(territorio 17\)/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-visits').click()]);
    expect(download.suggestedFilename()).toBe('lista-de-visitas-17-es.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [head, ...records] = parseCsv(csv.slice(1));
    expect(head!.slice(0, 5)).toEqual(['Puesto', 'Empresa', 'Sector', 'Cantón', 'Tamaño']);
    expect(records).toHaveLength(firms.length);
    expect(records.map((r) => r[1])).toEqual(firms.map((f) => f.name));
    expect(records.every((r) => r[3]!.startsWith('17'))).toBe(true);
  });

  it('reproduces the territory and weights from the URL, and keeps the weights for the office on the server', async () => {
    await page.getByTestId('territory-filter').selectOption('09');
    const guayasSectors = await api<{ sector_code: string }>(page, 'target-sectors?territory=09&w_lq=0&w_growth=0.3&w_tightness=0.2&w_youth=1');
    await expect.poll(() => ranking(page), { timeout: 10_000 }).toEqual(guayasSectors.map((r) => r.sector_code));
    const url = page.url();
    expect(url).toMatch(/territorio=09/);
    await page.reload();
    await page.getByTestId('sector-ranking').locator('li').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('territory-filter').inputValue()).toBe('09');
    expect(await page.getByTestId('weight-peso_cl').inputValue()).toBe('0');
    expect(await page.getByTestId('weight-peso_jovenes').inputValue()).toBe('1');
    await expect.poll(() => ranking(page), { timeout: 10_000 }).toEqual(guayasSectors.map((r) => r.sector_code));
    expect(page.url()).toBe(url);
    // A plain link on another device (a new browser context): the office's weights come back from the server, and into the URL.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const saved = async () => (await fetch(`${stack.url}/api/outreach/weights`, { headers: { cookie } })).json();
    await expect.poll(saved, { timeout: 5_000 }).toMatchObject({ office: '17', weights: { 'target-sectors': { w_lq: '0', w_youth: '1' } } });
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(`${stack.url}/concertacion?vista=focalizacion`);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/peso_jovenes=1/);
    expect(await page.getByTestId('weight-peso_cl').inputValue()).toBe('0');
  });

  it('speaks English after the language switch', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Employer outreach');
    await page.getByTestId('firms-table').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('export-visits').innerText()).toBe('Export the visit list (CSV)');
    expect(await page.getByTestId('view-analisis').innerText()).toBe('Local labour market');
    expect(await page.getByTestId('sector-weights').innerText()).toMatch(/Specialisation \(LQ\)/);
    expect(await page.getByTestId('weights-saved').innerText()).toMatch(/saved for your office/);
    expect(page.url()).toMatch(/lang=en/);
    await page.getByTestId('view-ficha').click();
    await page.getByTestId('brief-lq').locator('tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('print-brief').innerText()).toBe('Print brief');
  });

  it('shows a Guayas concertador only Guayas firms, and policy staff no firm list', async () => {
    const guayas = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await guayas.newPage();
    await signIn(p, TEST_ACCOUNTS.concertadorGuayas, '/concertacion?vista=focalizacion');
    await p.getByTestId('firms-table').waitFor({ timeout: 15_000 });
    const firms = await api<{ canton_code: string }>(p, 'target-firms?limit=500');
    const cantons = await column(p, 'firms-table', 3);
    expect(cantons).toHaveLength(firms.length);
    expect(cantons.length).toBeGreaterThan(0);
    expect(cantons.every((c) => c.startsWith('09'))).toBe(true);
    expect(await p.getByTestId('territory-filter').inputValue()).toBe('09');
    await guayas.close();

    const policy = await browser.newContext();
    const q = await policy.newPage();
    await signIn(q, TEST_ACCOUNTS.policy, '/concertacion?vista=focalizacion');
    await q.getByTestId('only-concertadores').waitFor({ timeout: 15_000 });
    await q.getByTestId('sector-ranking').locator('li').first().waitFor({ timeout: 15_000 });
    expect(await q.getByTestId('firms-table').count()).toBe(0);
    expect((await q.request.get(`${stack.url}/api/queries/target-firms`)).status()).toBe(403);
    await policy.close();
  });
});
