import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/**
 * The absolute path of a file in `../shared/data` (real public data for tests), or null when it
 * is missing on a user's clone: the test is then skipped with a message saying so. In CI
 * (`CI=true`) a missing file is an error, never a skip.
 */
export function sharedData(relativePath: string): string | null {
  const path = SHARED + relativePath;
  if (existsSync(path)) return path;
  if (process.env.CI === 'true') {
    throw new Error(`../shared/data/${relativePath} is required in CI and is missing: check out shared/ beside the project.`);
  }
  console.warn(`Skipped: ../shared/data/${relativePath} is missing (tests that read the real public data need ../shared beside the project).`);
  return null;
}
