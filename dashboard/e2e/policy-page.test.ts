import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStack } from './browser-stack.ts';
import { TEST_ACCOUNTS, type DemoStack } from './demo-stack.ts';

let stack: DemoStack;
let page: Page;

browserStack((s, p) => {
  stack = s;
  page = p;
});

/** Parses a count as the page shows it in Spanish (12.345) or English (12,345). */
const parseCount = (text: string, locale: 'es' | 'en') => Number(text.replace(locale === 'es' ? /\./g : /,/g, '').replace(/[^\d]/g, ''));

/** Placements in the KPI period, counted naively in the warehouse. */
async function placementsIn(where = 'true'): Promise<number> {
  const [{ n }] = (await stack.served.current().rows<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM placement
     WHERE month BETWEEN (SELECT max(month) FROM placement) - INTERVAL 11 MONTH AND (SELECT max(month) FROM placement) AND ${where}`,
  )) as [{ n: number }];
  return n;
}

const kpi = (column: string) => page.getByTestId(`kpi-value-${column}`);

describe('the policy dashboard in a real browser', () => {
  it('signs a policy analyst in and shows the headline KPIs, equal to a naive count', async () => {
    await page.goto(`${stack.url}/politicas`);
    await page.getByTestId('signin-username').fill(TEST_ACCOUNTS.policy.username);
    await page.getByTestId('signin-password').fill(TEST_ACCOUNTS.policy.password);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('kpi-cards').count(), { timeout: 15_000 }).toBe(1);
    const all = await placementsIn();
    expect(all).toBeGreaterThan(0);
    await expect.poll(async () => parseCount(await kpi('placements').innerText(), 'es'), { timeout: 10_000 }).toBe(all);
    for (const id of ['trend-chart', 'funnel-chart', 'channels-chart', 'cohorts-chart']) {
      await expect.poll(() => page.getByTestId(id).locator('svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    // Every chart explains itself, as every KPI card does.
    expect(await page.getByTestId('chart-explain').count()).toBe(await page.locator('section.card:not(.wide)').count());
    await page.getByTestId('kpi-placements').locator('summary').click();
    await expect.poll(() => page.getByTestId('kpi-placements').innerText()).toMatch(/oficina y provincia de la vacante/);
  });

  it('filters by sex through the URL and every KPI follows', async () => {
    await page.getByTestId('sex-filter').selectOption('F');
    await expect.poll(() => page.url()).toMatch(/sexo=F/);
    const women = await placementsIn("sex = 'F'");
    await expect.poll(async () => parseCount(await kpi('placements').innerText(), 'es'), { timeout: 10_000 }).toBe(women);
    const reloaded = await page.context().newPage();
    await reloaded.goto(page.url());
    await expect.poll(async () => parseCount(await reloaded.getByTestId('kpi-value-placements').innerText(), 'es'), { timeout: 15_000 }).toBe(women);
    await reloaded.close();
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => page.url()).not.toMatch(/sexo=/);
  });

  it('cross-filters: a province bar filters the KPIs, and an office picked in the league table too', async () => {
    const bars = page.getByTestId('province-bars').locator('.recharts-bar-rectangle');
    await expect.poll(() => bars.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await bars.first().click();
    await expect.poll(() => page.url()).toMatch(/provincia=\d\d/);
    const province = new URL(page.url()).searchParams.get('provincia')!;
    const inProvince = await placementsIn(`province_code = '${province}'`);
    await expect.poll(async () => parseCount(await kpi('placements').innerText(), 'es'), { timeout: 10_000 }).toBe(inProvince);
    expect(await page.getByTestId('province-filter').inputValue()).toBe(province);
    await page.getByTestId('clear-filters').click();
    const officeButton = page.getByTestId('offices-table').locator('button.link').first();
    await officeButton.click();
    await expect.poll(() => page.url()).toMatch(/oficina=/);
    const office = new URL(page.url()).searchParams.get('oficina')!;
    const inOffice = await placementsIn(`office_code = '${office.replaceAll("'", "''")}'`);
    await expect.poll(async () => parseCount(await kpi('placements').innerText(), 'es'), { timeout: 10_000 }).toBe(inOffice);
    await page.getByTestId('clear-filters').click();
  });

  it('compares two offices side by side', async () => {
    const boxes = page.getByTestId('offices-table').locator('input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('comparar')).toMatch(/^[^~]+~[^~]+$/);
    const [a, b] = new URL(page.url()).searchParams.get('comparar')!.split('~');
    const [na, nb] = [await placementsIn(`office_code = '${a}'`), await placementsIn(`office_code = '${b}'`)];
    const cells = async () => {
      const row = page.getByTestId('compare-table').locator('tr', { hasText: /^Colocaciones/ }).first();
      return (await row.locator('td').allInnerTexts()).map((t) => parseCount(t, 'es'));
    };
    await expect.poll(cells, { timeout: 10_000 }).toEqual([na, nb]);
  });

  it('downloads the office league table as CSV, one line per office', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-offices').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    const offices = await page.getByTestId('offices-table').locator('tbody tr').count();
    expect(lines.length).toBe(offices + 1);
    expect(lines[0]).toMatch(/Puesto.*Oficina.*Puntaje/);
  });

  it('speaks English with English number formats', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/Policy dashboard/);
    await expect.poll(() => page.getByTestId('kpi-placements').innerText()).toMatch(/Placements/);
    await expect.poll(async () => parseCount(await kpi('placements').innerText(), 'en')).toBe(await placementsIn());
  });
});
