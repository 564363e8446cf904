import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { QueryDefinition, Viewer } from './query-definition.ts';
import { parseParams, runQuery, type AnswerSource, type QueryAnswer, type RunLimits } from './run-query.ts';

/**
 * Answers kept per opened warehouse, by query and parameters, least recently used first out.
 * A load publishes a new warehouse file and the server opens it as a new Warehouse, so a load
 * invalidates every cached answer at once, with no bookkeeping.
 */
export class AnswerCache {
  private readonly byWarehouse = new WeakMap<Warehouse, Map<string, Promise<QueryAnswer>>>();
  private readonly pinned = new WeakMap<Warehouse, Map<string, Promise<QueryAnswer>>>();

  constructor(private readonly maxEntries = 500) {}

  /**
   * The cached answer for a key, or the one `compute` makes (failed computations are not kept).
   * Only read-only (served) warehouses are cached: a writable one may change under its answers.
   */
  get(warehouse: Warehouse, key: string, compute: () => Promise<QueryAnswer>): Promise<QueryAnswer> {
    if (warehouse.access !== 'read') return compute();
    const kept = this.pinned.get(warehouse)?.get(key);
    if (kept) return kept;
    let entries = this.byWarehouse.get(warehouse);
    if (!entries) this.byWarehouse.set(warehouse, (entries = new Map()));
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const pending = compute();
    entries.set(key, pending);
    pending.catch(() => entries.delete(key));
    if (entries.size > this.maxEntries) entries.delete(entries.keys().next().value!);
    return pending;
  }

  /**
   * Keeps an answer for the life of the warehouse, outside the least-recently-used order: the
   * precomputed answers of the public pages (see `warmUp`) must not be pushed out by others.
   */
  pin(warehouse: Warehouse, key: string, answer: Promise<QueryAnswer>): Promise<QueryAnswer> {
    if (warehouse.access !== 'read') return answer;
    let entries = this.pinned.get(warehouse);
    if (!entries) this.pinned.set(warehouse, (entries = new Map()));
    entries.set(key, answer);
    answer.catch(() => entries.delete(key));
    return answer;
  }

  /** The answer kept for a key, pinned or cached, if any (nothing is computed). */
  peek(warehouse: Warehouse, key: string): Promise<QueryAnswer> | undefined {
    if (warehouse.access !== 'read') return undefined;
    return this.pinned.get(warehouse)?.get(key) ?? this.byWarehouse.get(warehouse)?.get(key);
  }

  /** The answers pinned for a warehouse (some may still be computing). */
  pinnedAnswers(warehouse: Warehouse): Promise<QueryAnswer>[] {
    return [...(this.pinned.get(warehouse)?.values() ?? [])];
  }

  /** Whether an answer is pinned for this warehouse and key. */
  isPinned(warehouse: Warehouse, key: string): boolean {
    return this.pinned.get(warehouse)?.has(key) ?? false;
  }
}

/**
 * The cache key of a query's answer: its name and validated parameters (less its `inert` ones),
 * and for a firm-level query the territories it is scoped to (its answer depends on them and
 * nothing else about the viewer; every serving is still checked and audited per user).
 */
export function answerKey(query: Pick<QueryDefinition, 'name' | 'firmLevel' | 'inert'>, validated: Record<string, unknown>, viewer: Viewer | null): string {
  const relevant = query.inert ? Object.fromEntries(Object.entries(validated).filter(([name]) => !query.inert!.includes(name))) : validated;
  return cacheKey(query.name, query.firmLevel ? { ...relevant, __territories: [...(viewer?.territories ?? [])].sort() } : relevant);
}

/** A cache key for a query and its validated parameters (key order does not matter). */
export function cacheKey(query: string, params: Record<string, unknown>): string {
  return `${query}?${JSON.stringify(Object.entries(params).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))}`;
}

/**
 * The {@link AnswerSource} of a cache for one warehouse and viewer: answers at hand are peeked,
 * parts are read from the cache or computed and kept there (pinned, with `pin`, as the warm-up
 * does, so that the parts of precomputed answers stay as long as they do).
 */
export function cacheSource(cache: AnswerCache, warehouse: Warehouse, viewer: Viewer | null, options: { limits?: RunLimits; pin?: boolean } = {}): AnswerSource {
  const keyOf = (query: QueryDefinition, params: Record<string, unknown>) => answerKey(query, params, viewer);
  return {
    cached: (key) => cache.peek(warehouse, key),
    keyOf,
    part: (query, raw) => {
      const key = keyOf(query, parseParams(query, raw) as Record<string, unknown>);
      const compute = () => runQuery(warehouse, query, raw, { timeoutMs: options.limits?.timeoutMs }, viewer);
      return options.pin ? (cache.peek(warehouse, key) ?? cache.pin(warehouse, key, compute())) : cache.get(warehouse, key, compute);
    },
  };
}
