import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, findQuery } from '../../queries/catalogue/catalogue.ts';
import { ParamError, runQuery } from '../../queries/catalogue/run-query.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { MEDIA_TYPES, encodeArrow, encodeCsv, encodeJson, type AnswerFormat } from './encode-answer.ts';

/** What the HTTP server needs, injected. */
export interface AppOptions {
  /** The warehouse to answer from now (it changes when a load publishes a new file). */
  warehouse: () => Warehouse;
  /** Folder of the built dashboard (index.html and assets); omitted for an API-only server. */
  staticDir?: string;
}

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
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
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
    if (!query) throw new ApiError(404, 'unknown_query', `No query named "${String(req.params.name)}" in the catalogue (see /api/queries).`);
    const { format: formatParam, ...params } = req.query as Record<string, unknown>;
    const format = chooseFormat(formatParam, req.get('accept'));
    const answer = await runQuery(options.warehouse(), query, params);
    res.set('Faro-Freshness', JSON.stringify(answer.freshness));
    res.set('Cache-Control', 'no-cache');
    res.type(MEDIA_TYPES[format]);
    if (format === 'arrow') res.send(Buffer.from(encodeArrow(answer)));
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
    const known = error instanceof ApiError ? error : error instanceof ParamError ? new ApiError(400, 'invalid_parameters', error.message) : null;
    if (!known) console.error(error);
    const e = known ?? new ApiError(500, 'internal_error', 'The server could not answer this request.');
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  });
  return app;
}

function chooseFormat(param: unknown, accept: string | undefined): AnswerFormat {
  if (param !== undefined) {
    if (param === 'arrow' || param === 'json' || param === 'csv') return param;
    throw new ApiError(400, 'invalid_format', 'format must be one of arrow, json, csv.');
  }
  if (accept?.includes('arrow')) return 'arrow';
  if (accept?.includes('text/csv')) return 'csv';
  return 'json';
}
