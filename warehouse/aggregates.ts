import { rebuildFacts } from './facts.ts';
import type { Session, Warehouse } from './warehouse.ts';

/** Statements that rebuild `placement_monthly` from `placement`, sorted by month for zone maps. */
export const REBUILD_PLACEMENT_MONTHLY: readonly string[] = [
  'DELETE FROM placement_monthly',
  `INSERT INTO placement_monthly
   SELECT month, province_code, sex, age_band, count(*)::INTEGER
   FROM placement GROUP BY ALL ORDER BY month, province_code`,
];

/**
 * Rebuilds the pre-aggregated tables and the derived facts (after a batch of loads; tests that
 * insert rows directly call this after).
 */
export async function rebuildAggregates(target: Warehouse | Session, onStep?: (step: number, of: number) => void): Promise<void> {
  for (const statement of REBUILD_PLACEMENT_MONTHLY) await target.run(statement);
  await rebuildFacts(target, onStep);
}
