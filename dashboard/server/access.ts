import type { Audience } from '../../queries/catalogue/query-definition.ts';
import type { Session } from './auth/session-cookie.ts';

/** Who may run a query of an audience: anyone, staff, or outreach staff only. */
export function mayRun(audience: Audience, session: Session | null): boolean {
  if (audience === 'public') return true;
  if (!session) return false;
  return audience === 'policy' ? session.role === 'policy' || session.role === 'concertador' : session.role === 'concertador';
}

/**
 * Every route of the server and who may call it. The route x role test fails when a route is
 * added without an entry here. `query-audience`: decided per query by {@link mayRun};
 * `concertador`: signed-in outreach staff only.
 */
export const ROUTE_MATRIX: readonly { method: string; path: string; access: 'anyone' | 'query-audience' | 'concertador' }[] = [
  { method: 'GET', path: '/api/health', access: 'anyone' },
  { method: 'GET', path: '/api/queries', access: 'anyone' },
  { method: 'GET', path: '/api/openapi.json', access: 'anyone' },
  { method: 'GET', path: '/api/queries/:name', access: 'query-audience' },
  { method: 'GET', path: '/api/session', access: 'anyone' },
  { method: 'POST', path: '/api/session', access: 'anyone' },
  { method: 'DELETE', path: '/api/session', access: 'anyone' },
  { method: 'GET', path: '/api/outreach/weights', access: 'concertador' },
  { method: 'PUT', path: '/api/outreach/weights', access: 'concertador' },
  { method: 'GET', path: '/{*path}', access: 'anyone' },
];
