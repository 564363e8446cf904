import type { Columns } from '../../warehouse/warehouse.ts';
import { defineQuery } from '../catalogue/query-definition.ts';
import {
  CONTACT_HORIZON_DAYS, FIRM_COMPONENT_COLUMNS, firmComponentsSql, targetFirmComponents, targetFirmsParams, type TargetFirmsParams,
} from './target-firm-components.ts';

/** Default weights of the firm score. */
export const DEFAULT_FIRM_WEIGHTS = { sector: 0.3, posting: 0.25, fill: 0.15, contact: 0.2, youth: 0.1 } as const;
const W = DEFAULT_FIRM_WEIGHTS;

/** The five components of the firm score, in the order their contributions add up. */
const COMPONENTS = ['sector', 'posting', 'fill', 'contact', 'youth'] as const;

const num = (name: string, es: string, en: string) => ({ name, kind: 'number' as const, label: { es, en } });

/**
 * Firms of the concertador's territories ranked for a visit by an explainable score: the score
 * of their sector in those territories, how often they post, how many positions the service
 * filled, how long since the last contact and how many young people they hired; each component
 * in [0, 1], weighted, shown as a contribution, the score their sum. Firm-level: scoped and audited.
 * Served from its part, every firm's components ({@link targetFirmComponents}), which new weights
 * or another length of the list re-rank in JS ({@link rankFirms}); `build` is the same in SQL.
 */
export const targetFirms = defineQuery({
  name: 'target-firms',
  audience: 'concertador',
  firmLevel: true,
  title: { es: 'Empresas prioritarias para visitar', en: 'Priority firms to visit' },
  description: {
    es: `Empresas de los territorios asignados ordenadas por un puntaje explicable sobre el periodo (por defecto, los 12 meses hasta el último mes con vacantes): puntaje de su sector en esos territorios (como target-sectors, pesos por defecto), vacantes publicadas (normalizadas entre la mínima y la máxima de las empresas), tasa de cobertura (colocaciones / puestos, hasta 1), días desde el último contacto (hasta ${CONTACT_HORIZON_DAYS}, nunca contactada = 1) y proporción de jóvenes (15-29) entre sus colocaciones. Pesos por defecto: w_sector ${W.sector}, w_posting ${W.posting}, w_fill ${W.fill}, w_contact ${W.contact}, w_youth ${W.youth}.`,
    en: `Firms of the assigned territories ranked by an explainable score over the period (by default the 12 months up to the latest month with vacancies): their sector’s score in those territories (as target-sectors, default weights), vacancies posted (normalised between the firms’ lowest and highest), fill rate (placements / positions, at most 1), days since the last contact (up to ${CONTACT_HORIZON_DAYS}, never contacted = 1) and the share of young people (15-29) among their placements. Default weights: w_sector ${W.sector}, w_posting ${W.posting}, w_fill ${W.fill}, w_contact ${W.contact}, w_youth ${W.youth}.`,
  },
  formula: {
    es: `puntaje = Σ_k w_k · x_k; x = puntaje del sector, (vacantes − mín)/(máx − mín), min(colocaciones/puestos, 1), min(días sin contacto, ${CONTACT_HORIZON_DAYS})/${CONTACT_HORIZON_DAYS}, jóvenes/colocaciones`,
    en: `score = Σ_k w_k · x_k; x = sector score, (vacancies − min)/(max − min), min(placements/positions, 1), min(days without contact, ${CONTACT_HORIZON_DAYS})/${CONTACT_HORIZON_DAYS}, young/placements`,
  },
  sources: targetFirmComponents.sources,
  params: targetFirmsParams,
  columns: [
    { name: 'rank', kind: 'integer', label: { es: 'Puesto', en: 'Rank' } },
    ...FIRM_COMPONENT_COLUMNS,
    num('sector_contribution', 'Aporte del sector', 'Contribution of the sector'),
    num('posting_contribution', 'Aporte de las publicaciones', 'Contribution of postings'),
    num('fill_contribution', 'Aporte de la cobertura', 'Contribution of the fill rate'),
    num('contact_contribution', 'Aporte del tiempo sin contacto', 'Contribution of time without contact'),
    num('youth_contribution', 'Aporte de los jóvenes', 'Contribution of youth hiring'),
    num('score', 'Puntaje', 'Score'),
    { name: 'reasons', kind: 'string', label: { es: 'Motivos (códigos)', en: 'Reasons (codes)' } },
  ],
  example: { limit: '50' },
  // What the outreach page asks, precomputed for each territory set of the outreach staff.
  warm: { params: [{ w_sector: '0.3', w_posting: '0.25', w_fill: '0.15', w_contact: '0.2', w_youth: '0.1', limit: '500' }] },
  build: (p, viewer) => {
    const components = firmComponentsSql(p, viewer);
    const w = weightsOf(p);
    return {
      sql: `WITH comp AS (${components.sql}),
      s AS (
        SELECT *, ${COMPONENTS.map((k) => `${k}_contribution`).join(' + ')} AS score
        FROM (SELECT *, ${COMPONENTS.map((k) => `$w_${k}::DOUBLE * ${k}_norm AS ${k}_contribution`).join(', ')} FROM comp)
      ),
      top AS (SELECT * FROM s ORDER BY score DESC, firm_id LIMIT $limit::INTEGER)
      SELECT row_number() OVER (ORDER BY score DESC, firm_id)::INTEGER AS rank, ${FIRM_COMPONENT_COLUMNS.map((c) => c.name).join(', ')},
        ${COMPONENTS.map((k) => `${k}_contribution`).join(', ')}, score, reasons
      FROM top ORDER BY rank`,
      params: { ...components.params, limit: p.limit, ...Object.fromEntries(COMPONENTS.map((k) => [`w_${k}`, w[k]])) },
    };
  },
  parts: {
    of: [targetFirmComponents],
    combine: ([components], p) => rankFirms(components!, weightsOf(p), p.limit),
    // Reading every firm's components into JS costs about twice the single statement (0.9 s against
    // 0.4 s for a new period at mx); worth it only for the weight changes that follow.
    onlyWhenCached: true,
  },
});

function weightsOf(p: TargetFirmsParams): Record<(typeof COMPONENTS)[number], number> {
  return { sector: p.w_sector ?? W.sector, posting: p.w_posting ?? W.posting, fill: p.w_fill ?? W.fill, contact: p.w_contact ?? W.contact, youth: p.w_youth ?? W.youth };
}

/** A part's components as typed arrays, and the arrays a ranking works in, made once per part. */
interface Scoring {
  norms: [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  score: Float64Array;
  scratch: Float64Array;
}
const scorings = new WeakMap<Columns, Scoring>();

function scoringOf(components: Columns): Scoring {
  let scoring = scorings.get(components);
  if (!scoring) {
    const norms = COMPONENTS.map((k) => {
      const i = components.names.indexOf(`${k}_norm`);
      if (i < 0) throw new Error(`rankFirms: the components have no column "${k}_norm"`);
      return Float64Array.from(components.values[i]! as number[]);
    }) as Scoring['norms'];
    scoring = { norms, score: new Float64Array(components.rowCount), scratch: new Float64Array(components.rowCount) };
    scorings.set(components, scoring);
  }
  return scoring;
}

/**
 * Each firm's score under the weights, into `score`. A loop of its own over typed arrays, which
 * V8 optimises by the third call: in a larger function, the first calls boxed every double (10-15
 * MB of garbage and 15-30 ms for 132 k firms).
 */
function scoreInto(score: Float64Array, [s, p, f, c, y]: Scoring['norms'], ws: number, wp: number, wf: number, wc: number, wy: number): void {
  for (let i = 0; i < score.length; i++) score[i] = ws * s[i]! + wp * p[i]! + wf * f[i]! + wc * c[i]! + wy * y[i]!;
}

/**
 * The `target-firms` answer from its components ({@link targetFirmComponents}, sorted by firm id)
 * under the given weights: each contribution its weight times its component, the score their sum
 * in the same order as the SQL adds them (so the same doubles), the `limit` highest scores ranked
 * by score, then firm id.
 */
export function rankFirms(components: Columns, w: Record<(typeof COMPONENTS)[number], number>, limit: number): Columns {
  const n = components.rowCount;
  const scoring = scoringOf(components);
  const { score } = scoring;
  scoreInto(score, scoring.norms, w.sector, w.posting, w.fill, w.contact, w.youth);
  const top = highest(score, scoring.scratch, Math.min(limit, n));
  const out: Record<string, unknown[]> = { rank: top.map((_, r) => r + 1), score: top.map((i) => score[i]) };
  for (const [k, key] of COMPONENTS.entries()) {
    const norm = scoring.norms[k]!;
    out[`${key}_contribution`] = top.map((i) => w[key] * norm[i]!);
  }
  for (const [c, name] of components.names.entries()) out[name] ??= top.map((i) => components.values[c]![i]);
  const names = targetFirms.columns.map((c) => c.name);
  const types = names.map((name) => (name === 'rank' ? 'INTEGER' : (components.types[components.names.indexOf(name)] ?? 'DOUBLE')));
  return { names, types, values: names.map((name) => out[name]!), rowCount: top.length };
}

/**
 * The indices of the `k` highest scores, highest first, equal scores in index order (the rows
 * are sorted by firm id, so this is the SQL's `ORDER BY score DESC, firm_id`): the k-th highest
 * score found by selection in `scratch`, then only the rows at or above it sorted, not every firm.
 */
function highest(score: Float64Array, scratch: Float64Array, k: number): number[] {
  if (k <= 0) return [];
  const picked: number[] = [];
  if (k >= score.length) {
    for (let i = 0; i < score.length; i++) picked.push(i);
  } else {
    scratch.set(score);
    const threshold = kthHighest(scratch, k);
    const at: number[] = [];
    for (let i = 0; i < score.length; i++) {
      if (score[i]! > threshold) picked.push(i);
      else if (score[i] === threshold && at.length < k) at.push(i);
    }
    picked.push(...at.slice(0, k - picked.length));
  }
  return picked.sort((a, b) => score[b]! - score[a]! || a - b);
}

/** The k-th highest value of `a` (1-based), by quickselect; `a` is reordered. */
function kthHighest(a: Float64Array, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
}
