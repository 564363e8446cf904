import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startDemoStack, type DemoStack } from './demo-stack.ts';

/**
 * Registers, for one end-to-end test file, a whole Faro on demo data and a Chromium page on it
 * (desktop width, downloads accepted), handed over through `onReady` before the tests run and
 * closed after them.
 */
export function browserStack(onReady: (stack: DemoStack, page: Page) => void, scale: 'tiny' | 'small' = 'tiny'): void {
  let browser: Browser | undefined;
  let stack: DemoStack | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startDemoStack(scale);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    onReady(stack, page);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await stack?.close();
  });
}
