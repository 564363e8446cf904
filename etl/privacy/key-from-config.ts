import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pseudonymKey, type PseudonymKey } from './pseudonym-key.ts';

/**
 * The pseudonymisation key from configuration: `FARO_PSEUDONYM_KEY` when set, else the key file
 * (`FARO_KEY_FILE`, default `data/faro.key`, never inside the database). With `create`, a missing
 * key file is made with 32 random bytes (for the demo); a ministry keeps its key in a vault and
 * uses the same one for every load, or pseudonyms will not link across loads.
 */
export function keyFromConfig(env: NodeJS.ProcessEnv, options: { defaultFile: string; create?: boolean }): PseudonymKey {
  if (env.FARO_PSEUDONYM_KEY) return pseudonymKey(env.FARO_PSEUDONYM_KEY);
  const file = env.FARO_KEY_FILE ?? options.defaultFile;
  if (!existsSync(file)) {
    if (!options.create) {
      throw new Error(`No pseudonymisation key: set FARO_PSEUDONYM_KEY or create the key file ${file} (at least 16 bytes).`);
    }
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return pseudonymKey(readFileSync(file, 'utf8').trim());
}
