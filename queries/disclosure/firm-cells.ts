import { DEFAULT_FIRM_THRESHOLDS, type FirmThresholds } from './suppress.ts';

/**
 * Why a firm cell shows no figure: fewer than `minFirms` firms, one firm holding the dominant
 * share, or hidden so that subtraction from the published totals cannot reveal another cell.
 */
export type FirmSuppressionReason = 'few_firms' | 'dominant_firm' | 'complementary';

/** The key of a margin: the row or column of a two-way table's totals. */
export const TOTAL = '*';

/**
 * One cell of a two-way table built from firms, with what decides its disclosure. `row` or `col`
 * is {@link TOTAL} for the margins. Cells of value 0 are left out of the table (they are known to
 * be empty); every listed cell has a positive integer value.
 */
export interface FirmCell {
  row: string;
  col: string;
  /** The published figure (for example positions offered): a positive integer. */
  value: number;
  /** Distinct firms contributing to the cell. */
  firms: number;
  /** The largest contribution of one firm to the cell's value. */
  maxFirm: number;
}

/** A cell as it may be published: its value, or null and the reason. */
export interface ProtectedFirmCell {
  row: string;
  col: string;
  value: number | null;
  reason: FirmSuppressionReason | null;
}

/** Why the cell must be hidden on its own (primary suppression), or null if it may be shown. */
export function primaryFirmReason(cell: Pick<FirmCell, 'value' | 'firms' | 'maxFirm'>, t: FirmThresholds = DEFAULT_FIRM_THRESHOLDS): FirmSuppressionReason | null {
  if (cell.value <= 0) return null;
  if (cell.firms < t.minFirms) return 'few_firms';
  if (t.dominanceDenominator * cell.maxFirm >= t.dominanceNumerator * cell.value) return 'dominant_firm';
  return null;
}

const rowNode = (r: string) => `r\u0000${r}`;
const colNode = (c: string) => `c\u0000${c}`;
const keyOf = (c: { row: string; col: string }) => `${c.row}\u0000${c.col}`;
const byKey = (a: { row: string; col: string }, b: { row: string; col: string }) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** Throws unless the table is a two-way table whose margins are the exact sums of its lines. */
function checkMargins(cells: readonly FirmCell[]): void {
  const given = new Map(cells.map((c) => [keyOf(c), c.value]));
  if (given.size !== cells.length) throw new Error('A firm table lists a cell twice.');
  const sums = new Map<string, number>();
  const add = (row: string, col: string, v: number) => sums.set(keyOf({ row, col }), (sums.get(keyOf({ row, col })) ?? 0) + v);
  for (const c of cells) {
    if (!Number.isInteger(c.value) || c.value <= 0) throw new Error(`Firm cell ${c.row}/${c.col}: values must be positive integers.`);
    if (c.row !== TOTAL && c.col !== TOTAL) {
      add(c.row, TOTAL, c.value);
      add(TOTAL, c.col, c.value);
      add(TOTAL, TOTAL, c.value);
    }
  }
  for (const c of cells) {
    if ((c.row === TOTAL || c.col === TOTAL) && sums.get(keyOf(c)) !== c.value) throw new Error(`Firm cell ${c.row}/${c.col}: the margin is not the sum of its line.`);
  }
  for (const [k, v] of sums) if (given.get(k) !== v) throw new Error('A firm table lacks a margin of one of its lines.');
}

/** Suppressed cells (as graph edges) that no cycle of suppressed cells passes through. */
function bridges(edges: readonly FirmCell[]): FirmCell[] {
  const adj = new Map<string, { to: string; edge: number }[]>();
  edges.forEach((e, i) => {
    for (const [a, b] of [[rowNode(e.row), colNode(e.col)], [colNode(e.col), rowNode(e.row)]] as const) {
      adj.set(a, [...(adj.get(a) ?? []), { to: b, edge: i }]);
    }
  });
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const found: FirmCell[] = [];
  const visit = (node: string, viaEdge: number) => {
    order.set(node, order.size);
    low.set(node, order.get(node)!);
    for (const { to, edge } of adj.get(node) ?? []) {
      if (edge === viaEdge) continue;
      if (!order.has(to)) {
        visit(to, edge);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
        if (low.get(to)! > order.get(node)!) found.push(edges[edge]!);
      } else {
        low.set(node, Math.min(low.get(node)!, order.get(to)!));
      }
    }
  };
  for (const node of [...adj.keys()].sort()) if (!order.has(node)) visit(node, -1);
  return found.sort(byKey);
}

/**
 * The cheapest path between the two lines of `bridge` through the table's other cells, where a
 * cell already hidden costs nothing and a published one costs its value (so the smallest cells are
 * chosen). Ties are broken by node order, so the choice is deterministic. Returns the cells on it.
 */
function cheapestPath(cells: readonly FirmCell[], hidden: ReadonlySet<string>, bridge: FirmCell): FirmCell[] {
  const adj = new Map<string, { to: string; cell: FirmCell }[]>();
  for (const cell of cells) {
    if (keyOf(cell) === keyOf(bridge)) continue;
    for (const [a, b] of [[rowNode(cell.row), colNode(cell.col)], [colNode(cell.col), rowNode(cell.row)]] as const) {
      adj.set(a, [...(adj.get(a) ?? []), { to: b, cell }]);
    }
  }
  const start = colNode(bridge.col);
  const goal = rowNode(bridge.row);
  const dist = new Map<string, number>([[start, 0]]);
  const prev = new Map<string, { from: string; cell: FirmCell }>();
  const done = new Set<string>();
  for (;;) {
    let node: string | null = null;
    for (const [n, d] of dist) {
      if (!done.has(n) && (node === null || d < dist.get(node)! || (d === dist.get(node)! && n < node))) node = n;
    }
    if (node === null) return [];
    if (node === goal) break;
    done.add(node);
    for (const { to, cell } of adj.get(node) ?? []) {
      const d = dist.get(node)! + (hidden.has(keyOf(cell)) ? 0 : cell.value);
      if (!done.has(to) && (!dist.has(to) || d < dist.get(to)!)) {
        dist.set(to, d);
        prev.set(to, { from: node, cell });
      }
    }
  }
  const path: FirmCell[] = [];
  for (let n = goal; n !== start; n = prev.get(n)!.from) path.push(prev.get(n)!.cell);
  return path;
}

/**
 * Protects a two-way table built from firms together with its margins (row totals, column totals
 * and the grand total, keyed {@link TOTAL}), all of which are published.
 *
 * Primary suppression: a cell with fewer than `minFirms` firms (`few_firms`) or whose largest firm
 * holds `dominanceNumerator/dominanceDenominator` of it or more (`dominant_firm`), margins included.
 *
 * Complementary suppression: the table's lines (each row with its total, each column with its
 * total, the row of column totals and the column of row totals) are linear equations the public
 * can solve. With the signs of the margins flipped, every line sums to zero, so the hidden cells
 * are edges of a bipartite graph of lines, and a hidden cell is determined by the published ones
 * exactly when it is a bridge of that graph (it lies on no cycle of hidden cells). While a bridge
 * remains (the first in key order), the cheapest path of other cells joining its two lines is
 * hidden too (published cells cost their value, so the smallest are chosen; ties go by key), which
 * closes a cycle through it. In particular every line then has zero or at least two hidden cells.
 * Every listed cell is positive, so no hidden cell can be pinned by non-negativity either.
 *
 * Values, firm counts and the largest contribution are integers, and every choice is made in key
 * order, so the decisions depend neither on floating-point sums nor on the order of `cells`.
 */
export function protectFirmTable(cells: readonly FirmCell[], t: FirmThresholds = DEFAULT_FIRM_THRESHOLDS): ProtectedFirmCell[] {
  checkMargins(cells);
  const sorted = [...cells].sort(byKey);
  const reasons = new Map<string, FirmSuppressionReason>();
  for (const c of sorted) {
    const r = primaryFirmReason(c, t);
    if (r) reasons.set(keyOf(c), r);
  }
  for (;;) {
    const bridge = bridges(sorted.filter((c) => reasons.has(keyOf(c))))[0];
    if (!bridge) break;
    const path = cheapestPath(sorted, new Set(reasons.keys()), bridge);
    const added = path.filter((c) => !reasons.has(keyOf(c)));
    // With margins present a closing path always exists; if not, hide the whole table.
    const hideAll = added.length === 0 ? sorted.filter((c) => !reasons.has(keyOf(c))) : added;
    if (hideAll.length === 0) break;
    for (const c of hideAll) reasons.set(keyOf(c), 'complementary');
  }
  return cells.map((c) => {
    const reason = reasons.get(keyOf(c)) ?? null;
    return { row: c.row, col: c.col, value: reason ? null : c.value, reason };
  });
}
