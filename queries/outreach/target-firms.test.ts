import { describe, expect, it } from 'vitest';
import type { Columns } from '../../warehouse/warehouse.ts';
import { FIRM_COMPONENT_COLUMNS } from './target-firm-components.ts';
import { rankFirms } from './target-firms.ts';

const KEYS = ['sector', 'posting', 'fill', 'contact', 'youth'] as const;

/** Components of `n` firms (sorted by id) whose norms take few values, so that many scores tie. */
function components(n: number, seed: number): Columns {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = [...FIRM_COMPONENT_COLUMNS.map((c) => c.name), 'reasons'];
  const values = names.map((name) => Array.from({ length: n }, (_, i) => {
    if (name === 'firm_id') return `F${String(i).padStart(6, '0')}`;
    if (name.endsWith('_norm')) return [0, 0.25, 0.5, 1][Math.floor(next() * 4)]!;
    return name === 'reasons' ? '' : i;
  }));
  return { names, types: names.map(() => 'DOUBLE'), values, rowCount: n };
}

/** The same ranking by sorting every firm: score (the SQL's order of additions) desc, then firm id. */
function naive(c: Columns, w: Record<(typeof KEYS)[number], number>, limit: number): string[] {
  const col = (name: string) => c.values[c.names.indexOf(name)]! as number[];
  const ids = c.values[c.names.indexOf('firm_id')]! as string[];
  const score = ids.map((_, i) => KEYS.reduce((sum, k, j) => (j === 0 ? w[k] * col(`${k}_norm`)[i]! : sum + w[k] * col(`${k}_norm`)[i]!), 0));
  return ids.map((id, i) => ({ id, s: score[i]! })).sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1)).slice(0, limit).map((r) => r.id);
}

describe('rankFirms', () => {
  it('ranks as sorting every firm would, ties at the cut broken by firm id, the same components re-ranked many times', () => {
    const c = components(5000, 7);
    const weightSets = [
      { sector: 0.3, posting: 0.25, fill: 0.15, contact: 0.2, youth: 0.1 },
      { sector: 0, posting: 0, fill: 0, contact: 1, youth: 0 },
      { sector: 1, posting: 1, fill: 0, contact: 0, youth: 0 },
      { sector: 0.02, posting: 0.25, fill: 0.15, contact: 0.2, youth: 0.1 },
    ];
    for (const w of weightSets) {
      for (const limit of [1, 40, 500, 4999, 5000, 9999]) {
        const ranked = rankFirms(c, w, limit);
        const ids = ranked.values[ranked.names.indexOf('firm_id')]!;
        expect(ids, `${JSON.stringify(w)} limit ${limit}`).toEqual(naive(c, w, limit));
        expect(ranked.values[ranked.names.indexOf('rank')]).toEqual(ids.map((_, i) => i + 1));
      }
    }
  });
});
