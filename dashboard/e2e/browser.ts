import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's Chromium lives; `FARO_CHROMIUM` overrides it. */
export const CHROMIUM_PATH = process.env.FARO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches Debian's headless Chromium for end-to-end tests. Without it the tests fail (they are
 * never skipped) with the command that installs it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is required for the end-to-end tests and was not found at ${CHROMIUM_PATH}. ` +
        'Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set FARO_CHROMIUM to its path).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
