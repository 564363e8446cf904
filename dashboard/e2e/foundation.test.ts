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

/** Parses a number as the page shows it in Spanish (12.345) or English (12,345). */
const parseCount = (text: string, locale: 'es' | 'en') => Number(text.replace(locale === 'es' ? /\./g : /,/g, '').replace(/[^\d]/g, ''));

describe('the foundation slice in a real browser', () => {
  it('asks for staff sign-in on the policy page and refuses a wrong password', async () => {
    await page.goto(`${stack.url}/politicas`);
    await expect.poll(() => page.getByTestId('signin-form').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('signin-username').fill(TEST_ACCOUNTS.policy.username);
    await page.getByTestId('signin-password').fill('no es la clave');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/incorrectos/);
    expect(await page.getByTestId('placements-table').count()).toBe(0);
    await page.getByTestId('signin-password').fill(TEST_ACCOUNTS.policy.password);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('sign-out').count()).toBe(1);
  });

  it('shows the policy page in Spanish with the real total from the warehouse', async () => {
    await expect.poll(() => page.getByTestId('placements-table').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => page.locator('h1, h2').allInnerTexts()).toContainEqual(expect.stringMatching(/Colocaciones por mes y provincia/));
    const [{ n }] = (await stack.served.current().rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM placement WHERE month BETWEEN (SELECT max(month) FROM placement) - INTERVAL 23 MONTH AND (SELECT max(month) FROM placement)`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    await expect.poll(async () => parseCount(await page.getByTestId('placements-total').innerText(), 'es'), { timeout: 10_000 }).toBe(n);
    await expect.poll(() => page.getByTestId('placements-chart').locator('svg').count()).toBeGreaterThan(0);
  });

  it('switches to English and keeps the language in the URL', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.url()).toMatch(/lang=en/);
    await expect.poll(() => page.locator('h1, h2').allInnerTexts()).toContainEqual(expect.stringMatching(/Placements by month and province/));
    await page.reload();
    await expect.poll(() => page.locator('h1, h2').allInnerTexts()).toContainEqual(expect.stringMatching(/Placements by month and province/));
  });

  it('filters by province through the URL and shows only that province', async () => {
    const [{ n }] = (await stack.served.current().rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM placement WHERE province_code = '09' AND month BETWEEN (SELECT max(month) FROM placement) - INTERVAL 23 MONTH AND (SELECT max(month) FROM placement)`,
    )) as [{ n: number }];
    await page.getByTestId('province-filter').selectOption('09');
    await expect.poll(() => page.url()).toMatch(/provincia=09/);
    await expect.poll(async () => parseCount(await page.getByTestId('placements-total').innerText(), 'en'), { timeout: 10_000 }).toBe(n);
    const reloaded = await page.context().newPage();
    await reloaded.goto(page.url());
    await expect.poll(async () => parseCount(await reloaded.getByTestId('placements-total').innerText(), 'en'), { timeout: 10_000 }).toBe(n);
    await reloaded.close();
  });

  it('downloads the rows shown as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes('09') || l.includes('Guayas'))).toBe(true);
  });

  it('signs out, after which the policy page asks for sign-in again', async () => {
    await page.goto(`${stack.url}/politicas`);
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('signin-form').count(), { timeout: 10_000 }).toBe(1);
  });

  it('shows the three audiences in the navigation', async () => {
    await page.goto(`${stack.url}/`);
    for (const id of ['nav-public', 'nav-policy', 'nav-outreach']) {
      await expect.poll(() => page.getByTestId(id).count()).toBe(1);
    }
    await page.getByTestId('nav-public').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/jovenes');
  });
});
