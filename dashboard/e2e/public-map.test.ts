import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../warehouse/testing/shared-data.ts';
import { launchChromium } from './browser.ts';
import { startDemoStack, type DemoStack } from './demo-stack.ts';

// The choropleth needs the real province boundaries of ../shared (an error in CI when missing).
const boundaries = sharedData('ecuador/geo/ecuador-provincias.geojson');

let stack: DemoStack;
let browser: Browser;
let page: Page;
const json = async (path: string) => (await (await fetch(`${stack.url}/api/queries/${path}&format=json`)).json()) as { rows: Record<string, unknown>[] };

describe.skipIf(!boundaries)('the province choropleth in a real browser', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack('tiny');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await stack?.close();
  });

  it('draws every province as a shape, hatching exactly those the API does not publish', async () => {
    const { rows: shapes } = await json('province-boundaries?');
    expect(shapes.length).toBe(24);
    // The map's default indicator (NEET 15-24), latest period, as the page asks for it.
    const { rows } = await json('survey-indicator?indicator=neet_15_24&by=province');
    const { rows: names } = await json('provinces?');
    const nameOf = new Map(names.map((p) => [String(p.code), String(p.name)]));
    const codes = new Set(shapes.map((s) => String(s.code)));
    const unpublished = rows.filter((r) => r.estimate === null && codes.has(String(r.province_code))).map((r) => nameOf.get(String(r.province_code))).sort();
    expect(unpublished.length).toBeGreaterThan(0);

    await page.goto(`${stack.url}/jovenes`);
    const map = page.getByTestId('province-map');
    await expect.poll(() => map.locator('g.faro-province path').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(24);
    // Hatched (not published) exactly where the API says so, once the answer is drawn.
    const hatched = async () => (await map.locator('g[fill="url(#faro-hatch)"] path title').allTextContents()).map((t) => t.split(':')[0]).sort();
    await expect.poll(hatched, { timeout: 15_000 }).toEqual(unpublished);
    expect(await map.locator('[role="img"]').first().getAttribute('aria-label')).toMatch(/Mapa coroplético.*Galápagos/);
    expect(await map.innerText()).toMatch(/Galápagos\s*\(desplazada\)/);
    const colored = await map.locator('g.faro-province:not([fill]) path title').allTextContents();
    expect(colored.length).toBe(24 - unpublished.length);
    expect(colored[0]).toMatch(/IC 95 %/);
  });

  it('switches to the tile grid with the toggle, kept in the URL as mapa_tipo=cuadricula', async () => {
    await page.getByTestId('map-kind').getByRole('button', { name: 'Cuadrícula' }).click();
    await expect.poll(() => page.url()).toMatch(/mapa_tipo=cuadricula/);
    const map = page.getByTestId('province-map');
    await expect.poll(() => map.locator('g.faro-province path').count()).toBe(0);
    expect(await map.locator('rect').count()).toBeGreaterThan(20);
    await page.goto(`${stack.url}/jovenes?mapa_tipo=cuadricula&lang=en`);
    await expect.poll(() => map.locator('text').allTextContents(), { timeout: 15_000 }).toContain('GAL');
    expect(await page.getByTestId('map-kind').getByRole('button', { name: 'Tile grid' }).getAttribute('aria-pressed')).toBe('true');
  });
});
