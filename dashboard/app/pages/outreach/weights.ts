import type { OutreachKey } from './messages.ts';

/** One weight of a score: the query parameter, its URL name, its label and its default. */
export interface WeightDef {
  param: string;
  url: string;
  label: OutreachKey;
  default: number;
}

/** Weights of the sector score (`target-sectors`), defaults as in queries/market/FORMULAS.md. */
export const SECTOR_WEIGHTS: readonly WeightDef[] = [
  { param: 'w_lq', url: 'peso_cl', label: 'w.lq', default: 0.35 },
  { param: 'w_growth', url: 'peso_crecimiento', label: 'w.growth', default: 0.3 },
  { param: 'w_tightness', url: 'peso_tension', label: 'w.tightness', default: 0.2 },
  { param: 'w_youth', url: 'peso_jovenes', label: 'w.youth', default: 0.15 },
];

/** Weights of the firm score (`target-firms`). */
export const FIRM_WEIGHTS: readonly WeightDef[] = [
  { param: 'w_sector', url: 'peso_sector', label: 'w.sector', default: 0.3 },
  { param: 'w_posting', url: 'peso_publica', label: 'w.posting', default: 0.25 },
  { param: 'w_fill', url: 'peso_cobertura', label: 'w.fill', default: 0.15 },
  { param: 'w_contact', url: 'peso_contacto', label: 'w.contact', default: 0.2 },
  { param: 'w_youth', url: 'peso_jovenes_emp', label: 'w.youthFirm', default: 0.1 },
];

/** Every weight's URL name. */
export const WEIGHT_URL_NAMES = [...SECTOR_WEIGHTS, ...FIRM_WEIGHTS].map((w) => w.url);

/** Parses a weight as the API accepts it (0 to 1 here, two decimals); anything else is undefined. */
export function parseWeight(text: string | undefined | null): number | undefined {
  if (text === undefined || text === null || !/^\d{1,3}(\.\d{1,6})?$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 1 ? n : undefined;
}

/** A weight written for the URL and the API: "0.35", never "0.35000000000000003". */
export function formatWeight(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The localStorage key of a user's saved weights. */
export function storageKey(username: string): string {
  return `faro.outreach.weights.${username}`;
}

/** Reads a user's saved weights (URL name → text); an unreadable entry reads as none. */
export function readSaved(storage: Pick<Storage, 'getItem'> | undefined, username: string): Record<string, string> {
  try {
    const raw = storage?.getItem(storageKey(username));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const out: Record<string, string> = {};
    if (parsed && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) if (WEIGHT_URL_NAMES.includes(k) && parseWeight(String(v)) !== undefined) out[k] = String(v);
    }
    return out;
  } catch {
    return {};
  }
}

/** Saves a user's weights (URL name → text); storage failures (private mode, quota) are ignored. */
export function writeSaved(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, username: string, weights: Record<string, string>): void {
  try {
    if (Object.keys(weights).length === 0) storage?.removeItem(storageKey(username));
    else storage?.setItem(storageKey(username), JSON.stringify(weights));
  } catch {
    // Saving is a convenience: the weights are still in the URL.
  }
}

/**
 * The weights in force: the URL's first (a shared link reproduces its view), then the ones saved
 * on this device, then the defaults. Returns the query parameters and the values by URL name.
 */
export function effectiveWeights(defs: readonly WeightDef[], filters: Record<string, string>, saved: Record<string, string>): {
  params: Record<string, string>;
  values: Record<string, number>;
} {
  const params: Record<string, string> = {};
  const values: Record<string, number> = {};
  for (const d of defs) {
    const v = parseWeight(filters[d.url]) ?? parseWeight(saved[d.url]) ?? d.default;
    values[d.url] = v;
    params[d.param] = formatWeight(v);
  }
  return { params, values };
}

/** The queries each weight set belongs to, as the office's saved weights are keyed. */
const QUERY_OF: readonly [string, readonly WeightDef[]][] = [['target-sectors', SECTOR_WEIGHTS], ['target-firms', FIRM_WEIGHTS]];

/** Weights by URL name as an office saves them: per query, parameter → value. */
export function toOfficeWeights(byUrl: Record<string, string>): Record<string, Record<string, string>> {
  return Object.fromEntries(QUERY_OF.map(([query, defs]) => [query, Object.fromEntries(defs.filter((d) => byUrl[d.url] !== undefined).map((d) => [d.param, byUrl[d.url]!]))]));
}

/** An office's saved weights (per query, parameter → value) by URL name; unknown or malformed values dropped. */
export function fromOfficeWeights(office: Record<string, Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [query, defs] of QUERY_OF) {
    for (const d of defs) {
      const v = office[query]?.[d.param];
      if (parseWeight(v) !== undefined) out[d.url] = v!;
    }
  }
  return out;
}
