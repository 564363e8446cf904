import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from './user-store.ts';

/** What a session cookie vouches for. */
export interface Session {
  username: string;
  role: StaffRole;
  territories: string[];
  /** Expiry, ms since the epoch. */
  expires: number;
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'faro_session';

/** Signs a session as `<base64url payload>.<base64url HMAC-SHA-256>`. */
export function signSession(session: Session, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

/** Reads a signed session; null when the signature is wrong, the value malformed or the session expired. */
export function readSession(value: string | undefined, secret: Buffer, now = Date.now()): Session | null {
  if (!value) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    return session.expires > now ? session : null;
  } catch {
    return null;
  }
}

/** Reads one cookie from a Cookie header. */
export function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
