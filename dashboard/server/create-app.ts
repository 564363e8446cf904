import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, findQuery } from '../../queries/catalogue/catalogue.ts';
import { AnswerCache, answerKey, cacheSource } from '../../queries/catalogue/answer-cache.ts';
import { openApiDocument } from '../../queries/catalogue/openapi.ts';
import { warmUp, type WarmUpReport } from '../../queries/catalogue/warm-up.ts';
import { AnswerTooLargeError, answerFrom, ParamError, parseParams } from '../../queries/catalogue/run-query.ts';
import type { AuditLog } from '../../warehouse/audit-log.ts';
import { QueryTimeoutError, type Warehouse } from '../../warehouse/warehouse.ts';
import { mayRun } from './access.ts';
import { parseWeights, type SavedWeights, type WeightStore } from './outreach-weights.ts';
import { verifyPassword } from './auth/password.ts';
import { cookie, readSession, SESSION_COOKIE, signSession, type Session } from './auth/session-cookie.ts';
import type { UserStore } from './auth/user-store.ts';
import { MEDIA_TYPES, arrowBuffer, encodeAhead, encodeCsv, encodeJson, type AnswerFormat } from './encode-answer.ts';

/** What the HTTP server needs, injected. */
export interface AppOptions {
  /** The warehouse to answer from now (it changes when a load publishes a new file). */
  warehouse: () => Warehouse;
  /** Folder of the built dashboard (index.html and assets); omitted for an API-only server. */
  staticDir?: string;
  /** Where firm-level answers are recorded; without it firm-level queries are refused. */
  audit?: AuditLog;
  /** Staff accounts; without it nobody can sign in and only public queries answer. */
  users?: UserStore;
  /** Key that signs session cookies (keep it outside the warehouse; 32 random bytes). */
  sessionSecret: Buffer;
  /** Requests per minute per client on /api; false turns the limit off (benchmarks). Default 600. */
  rateLimitPerMinute?: number | false;
  /** A query running longer is interrupted (default 5,000 ms). */
  queryTimeoutMs?: number;
  /** Largest answer served, in rows (default 50,000). */
  maxRows?: number;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
  /**
   * Precompute the public pages' answers whenever a new warehouse is served (default true).
   * Told when each warm-up ends: its answers computed, and encoded as Arrow.
   */
  warmUp?: boolean;
  onWarmUp?: (report: WarmUpReport) => void;
  /** Where offices save the weights of their target scores; without it they are not saved. */
  weights?: WeightStore;
  /** The answer cache (a new one by default); a benchmark shares its own. */
  cache?: AnswerCache;
}

/** How long a sign-in lasts. */
const SESSION_HOURS = 8;

/** An API error answer: a stable code and a message safe to show (never SQL or a stack). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * The Express application: the query catalogue under `/api`, and the built dashboard with its
 * client-side routes everywhere else.
 */
export function createApp(options: AppOptions): express.Express {
  const app = express();
  const cache = options.cache ?? new AnswerCache();
  const warmed = new WeakSet<Warehouse>();
  const warm = (warehouse: Warehouse) => {
    if (options.warmUp === false || warehouse.access !== 'read' || warmed.has(warehouse)) return;
    warmed.add(warehouse);
    const viewers = (options.users?.list?.() ?? []).filter((u) => u.role === 'concertador')
      .map((u) => ({ username: u.username, role: u.role, territories: u.territories }));
    warmUp(warehouse, cache, CATALOGUE, viewers).then(async (report) => {
      await encodeAhead(cache.pinnedAnswers(warehouse), (answer) => findQuery(answer.query) !== undefined);
      options.onWarmUp?.(report);
    }).catch((error: Error) => {
      // A load may publish a new file, and the old one close, in the middle of a warm-up.
      if (!warehouse.isClosed) console.error(`Warm-up failed: ${error.message}`);
    });
  };
  warm(options.warehouse());
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Observable Plot writes style attributes on the SVG it draws.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  }));
  if (options.rateLimitPerMinute !== false) {
    app.use('/api', rateLimit({
      windowMs: 60_000,
      limit: options.rateLimitPerMinute ?? 600,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({ error: { code: 'rate_limited', message: 'Too many requests; wait a minute and try again.' } });
      },
    }));
  }
  app.use('/api', express.json({ limit: '4kb' }));
  const sessionOf = (req: Request): Session | null => readSession(cookie(req.get('cookie'), SESSION_COOKIE), options.sessionSecret);

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/api/session', (req, res) => {
    const session = sessionOf(req);
    res.json({ user: session ? { username: session.username, role: session.role, territories: session.territories } : null });
  });

  app.post('/api/session', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 100 || password.length > 200) {
      throw new ApiError(400, 'invalid_credentials_format', 'Send a JSON body with username and password.');
    }
    const user = options.users?.find(username);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
    if (!user || !ok) throw new ApiError(401, 'wrong_credentials', 'Unknown user or wrong password.');
    const session: Session = { username: user.username, role: user.role, territories: user.territories, expires: Date.now() + SESSION_HOURS * 3600_000 };
    res.cookie(SESSION_COOKIE, signSession(session, options.sessionSecret), {
      httpOnly: true, sameSite: 'strict', secure: options.secureCookies ?? false, maxAge: SESSION_HOURS * 3600_000, path: '/',
    });
    res.json({ user: { username: user.username, role: user.role, territories: user.territories } });
  });

  app.delete('/api/session', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ user: null });
  });

  // An office's target-score weights: concertadores only, saved for their office, which is the
  // first territory they are assigned (the concertadores of one office share its weights).
  const officeOf = (req: Request): { office: string; username: string } => {
    const session = sessionOf(req);
    if (!session) throw new ApiError(401, 'sign_in_required', 'Sign in to see or save weights.');
    if (session.role !== 'concertador') throw new ApiError(403, 'forbidden', 'Only outreach staff save target weights.');
    if (!options.weights) throw new ApiError(503, 'weights_unavailable', 'This server does not keep weights.');
    return { office: session.territories[0] ?? `user:${session.username}`, username: session.username };
  };
  app.get('/api/outreach/weights', (req, res) => {
    const { office } = officeOf(req);
    res.json({ office, ...(options.weights!.get(office) ?? { weights: {}, updatedBy: null, updatedAt: null }) });
  });
  app.put('/api/outreach/weights', (req, res) => {
    const { office, username } = officeOf(req);
    const weights = parseWeights(req.body);
    if (typeof weights === 'string') throw new ApiError(400, 'invalid_weights', weights);
    const saved: SavedWeights = { weights, updatedBy: username, updatedAt: new Date().toISOString() };
    options.weights!.save(office, saved);
    res.json({ office, ...saved });
  });

  const openApi = openApiDocument(CATALOGUE);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  app.get('/api/queries', (_req, res) => {
    res.json({
      queries: CATALOGUE.map((q) => ({
        name: q.name, audience: q.audience, title: q.title, description: q.description, formula: q.formula ?? null,
        sources: q.sources, columns: q.columns,
      })),
    });
  });

  app.get('/api/queries/:name', async (req: Request, res: Response) => {
    const query = findQuery(String(req.params.name));
    warm(options.warehouse());
    if (!query) throw new ApiError(404, 'unknown_query', `No query named "${String(req.params.name)}" in the catalogue (see /api/queries).`);
    const session = sessionOf(req);
    if (!mayRun(query.audience, session)) {
      throw session
        ? new ApiError(403, 'forbidden', 'Your role may not run this query.')
        : new ApiError(401, 'sign_in_required', 'Sign in to run this query.');
    }
    const { format: formatParam, ...params } = req.query as Record<string, unknown>;
    const format = chooseFormat(formatParam, req.get('accept'));
    const viewer = session ? { username: session.username, role: session.role, territories: session.territories } : null;
    if (query.firmLevel && !options.audit) throw new ApiError(503, 'audit_unavailable', 'Firm-level data are served only with an audit log.');
    const validated = parseParams(query, params) as Record<string, unknown>;
    // Firm-level answers depend on the territories of who asks: their entries are per territory set.
    const key = answerKey(query, validated, viewer);
    const warehouse = options.warehouse();
    const limits = { timeoutMs: options.queryTimeoutMs ?? 5000, maxRows: options.maxRows ?? 50_000 };
    const answer = await cache.get(warehouse, key, () => answerFrom(cacheSource(cache, warehouse, viewer, { limits }), warehouse, query, params, limits, viewer));
    if (query.firmLevel) {
      await options.audit!.record({ at: new Date(), username: viewer!.username, role: viewer!.role, query: query.name, params: validated, rows: answer.rowCount });
    }
    res.set('Faro-Freshness', JSON.stringify(answer.freshness));
    res.set('Cache-Control', 'no-cache');
    res.type(MEDIA_TYPES[format]);
    if (format === 'arrow') res.send(arrowBuffer(answer));
    else if (format === 'csv') res.attachment(`${query.name}.csv`).send(encodeCsv(answer));
    else res.send(encodeJson(answer));
  });

  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'not_found', 'No such API route.')));

  if (options.staticDir && existsSync(join(options.staticDir, 'index.html'))) {
    const dir = options.staticDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(join(dir, 'index.html')));
  }

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof ApiError ? error
      : error instanceof ParamError ? new ApiError(400, 'invalid_parameters', error.message)
        : error instanceof QueryTimeoutError ? new ApiError(503, 'query_timeout', 'The query took too long and was stopped; narrow the filters.')
          : error instanceof AnswerTooLargeError ? new ApiError(413, 'answer_too_large', error.message)
            : (error as { type?: string }).type === 'entity.too.large' ? new ApiError(413, 'body_too_large', 'The request body is too large.')
              : (error as { type?: string }).type === 'entity.parse.failed' ? new ApiError(400, 'malformed_body', 'The request body is not valid JSON.') : null;
    if (!known) console.error(error);
    const e = known ?? new ApiError(500, 'internal_error', 'The server could not answer this request.');
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  });
  return app;
}

/** Compared against when the user does not exist, so that timing does not reveal user names. */
const DUMMY_HASH = 'scrypt$00000000000000000000000000000000$0000000000000000000000000000000000000000000000000000000000000000';

function chooseFormat(param: unknown, accept: string | undefined): AnswerFormat {
  if (param !== undefined) {
    if (param === 'arrow' || param === 'json' || param === 'csv') return param;
    throw new ApiError(400, 'invalid_format', 'format must be one of arrow, json, csv.');
  }
  if (accept?.includes('arrow')) return 'arrow';
  if (accept?.includes('text/csv')) return 'csv';
  return 'json';
}
