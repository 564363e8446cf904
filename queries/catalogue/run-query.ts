import type { Columns, Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition, Viewer } from './query-definition.ts';

/** Validates raw parameters against a query's strict schema; a {@link ParamError} says what is wrong. */
export function parseParams(query: QueryDefinition, raw: Record<string, unknown>): unknown {
  const parsed = query.params.safeParse(raw);
  if (!parsed.success) {
    throw new ParamError(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  }
  return parsed.data;
}

/** When the data was last loaded, and from which sources. */
export interface Freshness {
  loadedAt: string | null;
  sources: string[];
}

/** A query's answer: its columns, documented, and when the data behind it was loaded. */
export interface QueryAnswer extends Columns {
  query: string;
  freshness: Freshness;
}

/** Parameters that failed validation; the message says which and why. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** An answer with more rows than an API answer may carry. */
export class AnswerTooLargeError extends Error {
  constructor(readonly rows: number, readonly maxRows: number) {
    super(`The answer has ${rows} rows; at most ${maxRows} are served. Narrow the filters.`);
    this.name = 'AnswerTooLargeError';
  }
}

/** Limits on running a query. */
export interface RunLimits {
  timeoutMs?: number;
  maxRows?: number;
}

/**
 * Validates raw parameters against the query's strict schema, and answers them from its
 * `compute` when it serves them, else by building its SQL with bound values and running it.
 * Unknown or malformed parameters throw a {@link ParamError}.
 */
export async function runQuery(warehouse: Warehouse, query: QueryDefinition, raw: Record<string, unknown>, limits: RunLimits = {}, viewer: Viewer | null = null): Promise<QueryAnswer> {
  if (query.firmLevel && !viewer) throw new ParamError('This query answers only for a signed-in user.');
  const validated = parseParams(query, raw);
  const inMemory = query.compute ? await query.compute(warehouse, validated, viewer) : null;
  const sqlAnswer = async () => {
    const { sql, params } = query.build(validated, viewer);
    return warehouse.columns(sql, params, { timeoutMs: limits.timeoutMs });
  };
  // Asked before the SQL starts: a warehouse failing at once must not leave the SQL's promise unawaited.
  const fresh = readFreshness(warehouse);
  const [computed, freshness] = await Promise.all([inMemory ?? sqlAnswer(), fresh]);
  const answer = query.protect ? query.protect(computed) : computed;
  if (limits.maxRows !== undefined && answer.rowCount > limits.maxRows) throw new AnswerTooLargeError(answer.rowCount, limits.maxRows);
  return { ...answer, query: query.name, freshness };
}

const freshnessCache = new WeakMap<Warehouse, Promise<Freshness>>();

/**
 * The warehouse's freshness. A served (read-only) warehouse never changes under its readers, since
 * a load publishes a new file and the server reopens it, so its freshness is read once.
 */
export function readFreshness(warehouse: Warehouse): Promise<Freshness> {
  let cached = warehouse.access === 'read' ? freshnessCache.get(warehouse) : undefined;
  if (!cached) {
    cached = warehouse
      .rows<{ at: string | null; sources: string[] | null }>(
        "SELECT strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S') AS at, list(DISTINCT source ORDER BY source) AS sources FROM load_ledger WHERE status = 'loaded'",
      )
      .then(([r]) => ({ loadedAt: r?.at ?? null, sources: r?.sources ?? [] }));
    freshnessCache.set(warehouse, cached);
  }
  return cached;
}

/** How {@link answerFrom} reaches answers other than the one asked for. */
export interface AnswerSource {
  /** An answer at hand for a cache key, if any (nothing computed). */
  cached(key: string): Promise<QueryAnswer> | undefined;
  /** The cache key of a query's answer to validated parameters (see `answerKey`). */
  keyOf(query: QueryDefinition, params: Record<string, unknown>): string;
  /**
   * A part's answer (see `QueryDefinition.parts`): from the cache, or computed and kept there. A
   * part is not held to the served answers' row limit: what is served is the answer it makes.
   */
  part(query: QueryDefinition, raw: Record<string, unknown>): Promise<QueryAnswer>;
}

/**
 * The answer to a query: from a cached answer for the query's `reuse.base` when there is one (no
 * SQL run); put together from its parts' answers, each through `source.part` (cached by its own
 * key), when the query has parts; else by running it. The caller keeps the answer.
 */
export async function answerFrom(
  source: AnswerSource, warehouse: Warehouse, query: QueryDefinition, raw: Record<string, unknown>, limits: RunLimits = {}, viewer: Viewer | null = null,
): Promise<QueryAnswer> {
  // A firm-level answer may come only from parts scoped and keyed by the viewer's territories too.
  if (query.parts && (!query.firmLevel || query.parts.of.every((part) => part.firmLevel))) {
    if (query.firmLevel && !viewer) throw new ParamError('This query answers only for a signed-in user.');
    const params = parseParams(query, raw);
    if (query.parts.onlyWhenCached && query.parts.of.some((part) => !source.cached(source.keyOf(part, parseParams(part, raw) as Record<string, unknown>)))) {
      for (const part of query.parts.of) source.part(part, raw).catch(() => undefined);
      return runQuery(warehouse, query, raw, limits, viewer);
    }
    const answers = await Promise.all(query.parts.of.map((part) => source.part(part, raw)));
    const answer = query.parts.combine(answers, params);
    if (limits.maxRows !== undefined && answer.rowCount > limits.maxRows) throw new AnswerTooLargeError(answer.rowCount, limits.maxRows);
    return { ...answer, query: query.name, freshness: answers[0]?.freshness ?? (await readFreshness(warehouse)) };
  }
  if (query.reuse && !query.firmLevel) {
    const params = parseParams(query, raw);
    const base = source.cached(source.keyOf(query, query.reuse.base(params)));
    if (base) {
      const answer = await base;
      const derived = query.reuse.derive(answer, params);
      if (derived) return { ...answer, ...derived, query: query.name };
    }
  }
  return runQuery(warehouse, query, raw, limits, viewer);
}
