/**
 * `npx tsx dashboard/e2e/take-screenshots.ts [outDir]`: serves the demo (scale small) and saves
 * screenshots of every page in Spanish and English, at desktop and phone widths, for people to
 * look at before calling a page done.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './browser.ts';
import { startDemoStack, TEST_ACCOUNTS } from './demo-stack.ts';

const out = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });
const stack = await startDemoStack('small');
const browser = await launchChromium();
try {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${stack.url}/politicas`);
    await page.getByTestId('signin-username').fill(TEST_ACCOUNTS.policy.username);
    await page.getByTestId('signin-password').fill(TEST_ACCOUNTS.policy.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('placements-total').waitFor();
    for (const lang of ['es', 'en']) {
      for (const path of ['/', '/politicas', '/jovenes', '/concertacion']) {
        await page.goto(`${stack.url}${path}${lang === 'en' ? '?lang=en' : ''}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const name = `${(path.slice(1) || 'inicio')}-${lang}-${device}.png`;
        await page.screenshot({ path: join(out, name), fullPage: true });
        console.log(join(out, name));
      }
    }
    await context.close();
    // The outreach pages as a concertador sees them (Pichincha): analysis, targeting with firm lists, brief.
    const outreach = await browser.newContext({ viewport });
    const op = await outreach.newPage();
    await op.goto(`${stack.url}/concertacion`);
    await op.getByTestId('signin-username').fill(TEST_ACCOUNTS.concertador.username);
    await op.getByTestId('signin-password').fill(TEST_ACCOUNTS.concertador.password);
    await op.getByTestId('signin-submit').click();
    await op.getByTestId('lq-chart').waitFor();
    for (const lang of ['es', 'en']) {
      for (const vista of ['analisis', 'focalizacion', 'ficha']) {
        await op.goto(`${stack.url}/concertacion?vista=${vista}${lang === 'en' ? '&lang=en' : ''}`);
        await op.waitForLoadState('networkidle');
        await op.waitForTimeout(300);
        const name = `concertacion-${vista}-${lang}-${device}.png`;
        await op.screenshot({ path: join(out, name), fullPage: true });
        console.log(join(out, name));
      }
    }
    await outreach.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
