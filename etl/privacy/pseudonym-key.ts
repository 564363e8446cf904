import { createHash, createHmac } from 'node:crypto';

/** The HMAC-SHA-256 key split into its inner and outer pads, ready to bind into SQL. */
export interface PseudonymKey {
  /** Hex of (key XOR 0x36), bound as `$key_inner`. */
  inner: string;
  /** Hex of (key XOR 0x5c), bound as `$key_outer`. */
  outer: string;
  /** Computes the same pseudonym in JS (for tests and tools): 32 hex digits. */
  pseudonym(value: string): string;
}

/**
 * Prepares a secret for keyed pseudonymisation. The secret comes from configuration
 * (`FARO_PSEUDONYM_KEY` or a key file outside the database) and must be long enough that
 * enumerating all cédulas is useless without it.
 */
export function pseudonymKey(secret: string | Buffer): PseudonymKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < 16) throw new Error('The pseudonymisation key must have at least 16 bytes.');
  const key = Buffer.alloc(64);
  (bytes.length > 64 ? createHash('sha256').update(bytes).digest() : bytes).copy(key);
  const pad = (b: number) => Buffer.from(key.map((x) => x ^ b)).toString('hex');
  return {
    inner: pad(0x36),
    outer: pad(0x5c),
    pseudonym: (value) => createHmac('sha256', bytes.length > 64 ? createHash('sha256').update(bytes).digest() : bytes).update(value, 'utf8').digest('hex').slice(0, 32),
  };
}
