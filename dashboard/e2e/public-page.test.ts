import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStack } from './browser-stack.ts';
import type { DemoStack } from './demo-stack.ts';

let stack: DemoStack;
let page: Page;
type Row = { period: string; sex: string | null; estimate: number | null; flag: string };
const api = async (query: string): Promise<Row[]> => (await (await fetch(`${stack.url}/api/queries/survey-indicator?${query}&format=json`)).json()).rows;

browserStack((s, p) => {
  stack = s;
  page = p;
});

describe('the public youth observatory in a real browser', () => {
  it('shows the headline youth unemployment with the API figure, in Spanish', async () => {
    const [row] = await api('indicator=youth_unemployment_15_24');
    expect(row!.estimate).not.toBeNull();
    await page.goto(`${stack.url}/jovenes`);
    const value = page.getByTestId('headline-youth_unemployment_15_24').getByTestId('headline-value');
    const expected = (row!.estimate! * 100).toFixed(1).replace('.', ',');
    await expect.poll(() => value.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`^${expected}\\s?%$`));
  });

  it('explains a headline figure: formula, source, precision', async () => {
    const card = page.getByTestId('headline-youth_unemployment_15_24');
    await card.getByText('¿Cómo se calcula?').click();
    const text = await card.getByTestId('explain').innerText();
    expect(text).toMatch(/Desempleados de 15-24 \/ PEA de 15-24/);
    expect(text).toMatch(/ENEMDU, periodo 2026-09/);
    expect(text).toMatch(/CV \d+,\d\s?%/);
  });

  it('hides an unpublishable estimate: no dot in the chart, "No publicable" in the table', async () => {
    const bySex = await api('indicator=youth_unemployment_15_24&by=sex');
    const hidden = bySex.filter((r) => r.flag === 'not_published');
    expect(hidden.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('sex-chart').locator('circle').count(), { timeout: 10_000 }).toBe(bySex.length - hidden.length);
    await page.getByRole('button', { name: 'Tabla' }).first().click();
    const text = await page.getByTestId('sex-table').innerText();
    expect(text).toMatch(/No publicable/);
    expect(text).toMatch(/Mujeres\s+—/);
  });

  it('hatches the provinces whose estimate cannot be published, on the tile map', async () => {
    const rows = (await (await fetch(`${stack.url}/api/queries/survey-indicator?indicator=neet_15_24&by=province&format=json`)).json()).rows as { province_code: string; flag: string }[];
    const hidden = rows.filter((r) => r.flag === 'not_published' && r.province_code !== '90').length;
    const shown = rows.filter((r) => r.flag !== 'not_published' && r.province_code !== '90').length;
    // The tile map (the choropleth drawn when boundaries are loaded has its own test, public-map.test.ts).
    await page.goto(`${stack.url}/jovenes?mapa_tipo=cuadricula`);
    const map = page.getByTestId('province-map');
    await expect.poll(() => map.locator('[fill="url(#faro-hatch)"] rect, rect[fill="url(#faro-hatch)"]').count(), { timeout: 10_000 }).toBe(hidden);
    expect(await page.getByTestId('province-ranking').locator('circle').count()).toBe(shown);
    expect(hidden + shown).toBeGreaterThan(10);
  });

  it('shows the international context as modelled estimates, Ecuador among four series', async () => {
    await expect.poll(() => page.getByTestId('intl-chart').locator('path[stroke]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#intl-title + p').innerText()).toMatch(/modeladas de la OIT/);
    expect(await page.getByTestId('intl-chart').innerText()).toMatch(/Ecuador/);
  });

  it('shows young people placed by the service with small counts hidden, as the API says', async () => {
    const rows = (await (await fetch(`${stack.url}/api/queries/youth-placements?by=province&format=json`)).json()).rows as { group: string; placements: number | null }[];
    const hidden = rows.filter((r) => r.placements === null && r.group !== 'total').length;
    expect(hidden).toBeGreaterThan(0);
    await page.locator('#yp-title').scrollIntoViewIfNeeded();
    const section = page.locator('section[aria-labelledby="yp-title"]');
    await section.getByRole('button', { name: 'Tabla' }).click();
    const table = page.getByTestId('youth-placements-table');
    await expect.poll(() => table.locator('td', { hasText: /^oculto$/ }).count()).toBe(hidden + rows.filter((r) => r.placements === null && r.group === 'total').length);
    expect(await table.innerText()).toMatch(/menos de 10 personas/);
  });

  it('downloads the rows behind the chart as CSV, hidden figures left empty', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Periodo,Sexo,Estimación,IC 95 % inferior,IC 95 % superior,CV,n,Calidad');
    expect(lines.find((l) => l.includes(',F,'))).toMatch(/^2026-09,F,,,,,\d+,not_published$/);
  });

  it('downloads the chart as a PNG image with its title', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv-png').click()]);
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width and height, big-endian, at bytes 16-23; drawn at twice the CSS size.
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('breaks an indicator down by age group from the URL, with the API\'s groups and flags', async () => {
    const period = new URL(page.url()).searchParams.get('periodo') ?? (await api('indicator=informality_rate'))[0]!.period;
    const rows = (await api(`indicator=informality_rate&by=age_group&period=${period}`)) as (Row & { age_group: string })[];
    expect(rows.length).toBeGreaterThan(2);
    await page.goto(`${stack.url}/jovenes?indicador=informality_rate&por=age_group`);
    expect(await page.getByTestId('breakdown-by').inputValue()).toBe('age_group');
    const section = page.locator('section.breakdowns');
    await section.getByRole('button', { name: 'Tabla' }).first().click();
    const table = page.getByTestId('breakdown-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(rows.length);
    const hidden = rows.filter((r) => r.estimate === null).length;
    await expect.poll(() => table.locator('td', { hasText: /^—$/ }).count()).toBeGreaterThanOrEqual(hidden * 3);
  });

  it('shows the gender gap for every period where both sexes are published', async () => {
    const rows = await api('indicator=informality_rate&by=sex');
    const periods = new Set(rows.map((r) => r.period));
    const both = [...periods].filter((p) => rows.filter((r) => r.period === p && r.estimate !== null).length === 2);
    await page.locator('section.breakdowns').getByRole('button', { name: 'Tabla' }).nth(1).click();
    await expect.poll(() => page.getByTestId('gap-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(both.length);
  });

  it('shows where young people work, by sector of employment, beside all employed persons', async () => {
    await page.getByTestId('work-of').selectOption('employment_type');
    await expect.poll(() => page.url()).toMatch(/trabajo=employment_type/);
    await page.locator('section.where-youth-work').getByRole('button', { name: 'Tabla' }).click();
    const text = () => page.getByTestId('work-table').innerText();
    await expect.poll(text, { timeout: 10_000 }).toMatch(/Sector informal/);
    expect(await text()).toMatch(/Jóvenes de 15 a 29/);
    expect(await text()).toMatch(/Todas las edades/);
    await page.getByTestId('work-of').selectOption('employment_status');
    await expect.poll(text, { timeout: 10_000 }).toMatch(/Empleado\/a privado\/a/);
  });

  it('explains every chart: formula, source, intervals and what is hidden', async () => {
    const cards = page.locator('section.card');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBeGreaterThan(6);
    expect(await page.getByTestId('chart-explain').count()).toBe(await cards.count());
    const map = page.getByTestId('chart-explain').nth(2);
    await map.locator('summary').click();
    expect(await map.innerText()).toMatch(/1,96 · error estándar[\s\S]*no se publica/);
  });

  it('is operable with the keyboard alone: a filter is reached with Tab, shows its focus and changes with the arrows', async () => {
    await page.goto(`${stack.url}/jovenes`);
    await page.getByTestId('breakdown-by').waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'breakdown-by');
    }
    expect(reached).toBe(true);
    expect(await page.getByTestId('breakdown-by').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await page.getByTestId('breakdown-by').inputValue()).toBe('area');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('por')).toBe('age_group');
  });

  it('keeps period and language in the URL and shows English formats', async () => {
    const [row] = await api('indicator=youth_unemployment_15_24');
    await page.goto(`${stack.url}/jovenes?lang=en&periodo=${row!.period}`);
    await expect.poll(() => page.getByTestId('period-filter').inputValue(), { timeout: 10_000 }).toBe(row!.period);
    const value = page.getByTestId('headline-youth_unemployment_15_24').getByTestId('headline-value');
    await expect.poll(() => value.innerText(), { timeout: 10_000 }).toBe(`${(row!.estimate! * 100).toFixed(1)}%`);
    expect(await page.locator('h1').innerText()).toBe('Youth and work');
  });
});
