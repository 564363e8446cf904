import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { findQuery } from '../../queries/catalogue/catalogue.ts';

/** The queries whose score weights an office saves, and may change from the outreach page. */
export const WEIGHTED_QUERIES = ['target-sectors', 'target-firms'] as const;

/** An office's saved weights: per query, parameter name → value ("0.35"), and who saved them last. */
export interface SavedWeights {
  weights: Partial<Record<(typeof WEIGHTED_QUERIES)[number], Record<string, string>>>;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Where offices keep their weights. */
export interface WeightStore {
  get(office: string): SavedWeights | undefined;
  save(office: string, saved: SavedWeights): void;
}

/** Weights kept in a JSON file beside the users (`data/outreach-weights.json`), written atomically. */
export class FileWeightStore implements WeightStore {
  constructor(private readonly path: string) {}

  private all(): Record<string, SavedWeights> {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, SavedWeights>) : {};
  }

  /** The office's weights, if it saved any. */
  get(office: string): SavedWeights | undefined {
    return this.all()[office];
  }

  /** Replaces the office's weights. */
  save(office: string, saved: SavedWeights): void {
    const all = this.all();
    all[office] = saved;
    writeFileSync(`${this.path}.tmp`, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
  }
}

const WEIGHT = /^(0(\.\d{1,2})?|1(\.0{1,2})?)$/;

/** The weight parameters (`w_*`) a query accepts, read from its own parameter schema. */
export function weightParams(queryName: string): string[] {
  const shape = (findQuery(queryName)?.params as z.ZodObject | undefined)?.shape ?? {};
  return Object.keys(shape).filter((k) => k.startsWith('w_'));
}

/**
 * Checks a body `{ weights: { <query>: { <w_param>: "0.35" } } }`: only the weighted queries,
 * only their weight parameters, values from 0 to 1 with at most two decimals. Returns the weights
 * or a message saying what is wrong.
 */
export function parseWeights(body: unknown): SavedWeights['weights'] | string {
  const weights = (body as { weights?: unknown } | null)?.weights;
  if (!weights || typeof weights !== 'object' || Array.isArray(weights)) return 'Send a JSON body { "weights": { "<query>": { "<w_param>": "0.35" } } }.';
  const out: SavedWeights['weights'] = {};
  for (const [query, values] of Object.entries(weights)) {
    if (!(WEIGHTED_QUERIES as readonly string[]).includes(query)) return `weights: "${query}" has no weights to save (${WEIGHTED_QUERIES.join(', ')}).`;
    if (!values || typeof values !== 'object' || Array.isArray(values)) return `weights.${query}: expected an object of weights.`;
    const allowed = weightParams(query);
    const clean: Record<string, string> = {};
    for (const [param, value] of Object.entries(values as Record<string, unknown>)) {
      if (!allowed.includes(param)) return `weights.${query}.${param}: not a weight of this query (${allowed.join(', ')}).`;
      if (typeof value !== 'string' || !WEIGHT.test(value)) return `weights.${query}.${param}: expected a number from 0 to 1 with at most two decimals, as text.`;
      clean[param] = value;
    }
    out[query as (typeof WEIGHTED_QUERIES)[number]] = clean;
  }
  return out;
}
