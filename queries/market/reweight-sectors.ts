import type { Columns } from '../../warehouse/warehouse.ts';
import type { SectorWeights } from './sector-score-sql.ts';

const COMPONENTS = ['lq', 'growth', 'tightness', 'youth'] as const;

/**
 * The `target-sectors` ranking under other weights, from an answer holding its normalised
 * components: each contribution is its weight times its component, the score their sum, the rank
 * by score (then sector code), exactly as the SQL computes them. The components and the reasons
 * do not depend on the weights, so the rest of the answer carries over.
 */
export function reweightSectors(base: Columns, w: Record<keyof SectorWeights, number>): Columns {
  const col = (name: string) => {
    const i = base.names.indexOf(name);
    if (i < 0) throw new Error(`reweightSectors: the answer has no column "${name}"`);
    return base.values[i]!;
  };
  const code = col('sector_code') as string[];
  const norm = Object.fromEntries(COMPONENTS.map((k) => [k, col(`${k}_norm`) as number[]])) as Record<(typeof COMPONENTS)[number], number[]>;
  const contribution = Object.fromEntries(COMPONENTS.map((k) => [k, norm[k].map((v) => w[k] * v)])) as Record<(typeof COMPONENTS)[number], number[]>;
  const score = code.map((_, i) => contribution.lq[i]! + contribution.growth[i]! + contribution.tightness[i]! + contribution.youth[i]!);
  const order = code.map((_, i) => i).sort((a, b) => score[b]! - score[a]! || (code[a]! < code[b]! ? -1 : code[a]! > code[b]! ? 1 : 0));
  const replaced: Record<string, unknown[]> = {
    rank: order.map((_, r) => r + 1),
    score: order.map((i) => score[i]),
    ...Object.fromEntries(COMPONENTS.map((k) => [`${k}_contribution`, order.map((i) => contribution[k][i])])),
  };
  return {
    ...base,
    values: base.names.map((name, c) => replaced[name] ?? order.map((i) => base.values[c]![i])),
  };
}
