import type { Warehouse } from '../../warehouse/warehouse.ts';
import { AnswerCache, answerKey, cacheSource } from './answer-cache.ts';
import { keepRows } from './keep-rows.ts';
import type { QueryDefinition, Viewer, WarmSplit } from './query-definition.ts';
import { answerFrom, parseParams, type QueryAnswer } from './run-query.ts';

/** What a warm-up did. */
export interface WarmUpReport {
  /** Queries run against the warehouse. */
  computed: number;
  /** Answers derived from them by filtering rows. */
  derived: number;
  /** Statements prepared on the other connections after the warm-up (see `Warehouse.spreadPrepared`). */
  prepared: number;
  ms: number;
}

/** The rows of an answer whose `column` equals `value`. */
export function filterAnswer(answer: QueryAnswer, column: string, value: unknown): QueryAnswer {
  const c = answer.names.indexOf(column);
  if (c < 0) throw new Error(`filterAnswer: ${answer.query} has no column "${column}"`);
  const keep: number[] = [];
  answer.values[c]!.forEach((v, r) => v === value && keep.push(r));
  return keepRows(answer, keep);
}

/**
 * The parameter sets a query declares to precompute: as given, or read from the warehouse.
 */
async function warmSets(query: QueryDefinition, warehouse: Warehouse): Promise<readonly Record<string, string>[]> {
  const { params } = query.warm!;
  return typeof params === 'function' ? params(warehouse) : params;
}

/**
 * Precomputes the declared answers of the catalogue for one opened warehouse and pins them in
 * the cache, the public pages first, then the staff pages' landing views, one query at a time so
 * that live requests keep a core. A served warehouse never changes, so these answers stay right
 * until a load publishes a new file. The server checks roles before it reads the cache, as for
 * any answer. Firm lists are
 * precomputed once per territory set of the outreach staff (`viewers`), last; they are served
 * only to a concertador of those territories, and audited when served.
 */
export async function warmUp(warehouse: Warehouse, cache: AnswerCache, catalogue: readonly QueryDefinition[], viewers: readonly Viewer[] = []): Promise<WarmUpReport> {
  const started = performance.now();
  let computed = 0;
  let derived = 0;
  const warmable = catalogue.filter((q) => q.warm && !q.firmLevel);
  // Firm lists: once per territory set of the outreach staff, after everything else.
  const teams = [...new Map(viewers.map((v) => [[...v.territories].sort().join(','), v])).values()].filter((v) => v.territories.length > 0);
  const plans: { query: QueryDefinition; sets: readonly Record<string, string>[] }[] = [];
  for (const query of warmable) {
    if (warehouse.isClosed) break;
    plans.push({ query, sets: await warmSets(query, warehouse) });
  }
  // The public pages whole first; then the staff pages view by view (every query's landing
  // answer, then every query's first filter...), so that each view is ready as early as it can be.
  const order: { query: QueryDefinition; params: Record<string, string> }[] = [];
  for (const { query, sets } of plans.filter((p) => p.query.audience === 'public')) for (const params of sets) order.push({ query, params });
  const staff = plans.filter((p) => p.query.audience !== 'public');
  for (let i = 0; i < Math.max(0, ...staff.map((p) => p.sets.length)); i++) {
    for (const { query, sets } of staff) if (sets[i]) order.push({ query, params: sets[i]! });
  }
  for (const { query, params } of order) {
    if (warehouse.isClosed) break;
    const key = answerKey(query, parseParams(query, params) as Record<string, unknown>, null);
    if (cache.isPinned(warehouse, key)) continue;
    const answer = await cache.pin(warehouse, key, answerFrom(cacheSource(cache, warehouse, null, { pin: true }), warehouse, query, params));
    computed++;
    const splits = query.warm!.splitBy === undefined ? [] : Array.isArray(query.warm!.splitBy) ? query.warm!.splitBy : [query.warm!.splitBy];
    for (const split of splits as readonly WarmSplit[]) {
      const column = answer.values[answer.names.indexOf(split.column)] ?? [];
      for (const value of new Set(column)) {
        if (typeof value !== 'string') continue;
        const parsed = query.params.safeParse({ ...params, [split.param]: value });
        if (!parsed.success) continue;
        cache.pin(warehouse, answerKey(query, parsed.data as Record<string, unknown>, null), Promise.resolve(filterAnswer(answer, split.column, value)));
        derived++;
      }
    }
  }
  for (const query of catalogue.filter((q) => q.warm && q.firmLevel)) {
    const sets = await warmSets(query, warehouse);
    for (const viewer of teams) {
      for (const params of sets) {
        if (warehouse.isClosed) break;
        const key = answerKey(query, parseParams(query, params) as Record<string, unknown>, viewer);
        if (cache.isPinned(warehouse, key)) continue;
        const source = cacheSource(cache, warehouse, viewer, { pin: true });
        // The parts first (a firm list's components, re-ranked for every new weight): the answer is then
        // put together from them, and the first change a concertador makes finds them ready.
        for (const part of query.parts?.of ?? []) await source.part(part, params);
        await cache.pin(warehouse, key, answerFrom(source, warehouse, query, params, {}, viewer));
        computed++;
      }
    }
  }
  // One query at a time prepared every statement on one connection: the others prepare them now.
  const prepared = warehouse.isClosed ? 0 : await warehouse.spreadPrepared();
  return { computed, derived, prepared, ms: performance.now() - started };
}
