import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The key that signs session cookies: `FARO_SESSION_SECRET`, or a key file made once beside the
 * data (never inside the warehouse). Changing it signs everybody out.
 */
export function sessionSecret(env: NodeJS.ProcessEnv, keyFile: string): Buffer {
  if (env.FARO_SESSION_SECRET) return Buffer.from(env.FARO_SESSION_SECRET, 'utf8');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
}
