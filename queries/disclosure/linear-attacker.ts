/** A prime small enough that products of residues stay exact in a double (< 2^53). */
const P = 1_000_003;

const mod = (a: number) => ((a % P) + P) % P;

/** a^e mod P, for inverses (Fermat). */
function power(a: number, e: number): number {
  let result = 1;
  let base = mod(a);
  for (let k = e; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

/**
 * A differencing attacker for tests of disclosure control. Every published figure is a sum of
 * atoms (the finest pieces of data, for example positions offered per month, sector and province);
 * the attacker gathers the figures of as many answers as it likes and may add and subtract them in
 * any way. A hidden figure is recovered exactly when its atoms' indicator vector lies in the span
 * of the published ones, which is what {@link canDerive} decides.
 *
 * The span is kept in echelon form over the integers mod a prime. A vector in the rational span is
 * also in the span mod P, so `canDerive(x) === false` proves that no rational combination of the
 * published figures yields x: the check can only err towards "recoverable" (a failed test), never
 * towards a false assurance. What it does not model: bounds (non-negativity, integrality), outside
 * knowledge such as a firm's own contribution, and answers released at different load times.
 */
export class LinearAttacker {
  private readonly index = new Map<string, number>();
  private readonly basis: { pivot: number; row: Map<number, number> }[] = [];
  private readonly seen = new Set<string>();

  /** The number of independent published figures learnt so far. */
  get rank(): number {
    return this.basis.length;
  }

  private vector(atoms: Iterable<string>): Map<number, number> {
    const v = new Map<number, number>();
    for (const a of atoms) {
      if (!this.index.has(a)) this.index.set(a, this.index.size);
      const i = this.index.get(a)!;
      v.set(i, mod((v.get(i) ?? 0) + 1));
    }
    return v;
  }

  private reduce(v: Map<number, number>): Map<number, number> {
    for (const { pivot, row } of this.basis) {
      const f = v.get(pivot) ?? 0;
      if (f === 0) continue;
      for (const [i, x] of row) {
        const y = mod((v.get(i) ?? 0) - f * x);
        if (y === 0) v.delete(i);
        else v.set(i, y);
      }
    }
    return v;
  }

  /** Learns a published figure: the sum of `atoms` (an atom listed twice counts twice). */
  learn(atoms: readonly string[]): void {
    const key = [...atoms].sort().join('\u0001');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const v = this.reduce(this.vector(atoms));
    if (v.size === 0) return;
    const pivot = Math.min(...v.keys());
    const inv = power(v.get(pivot)!, P - 2);
    const row = new Map([...v].map(([i, x]) => [i, (x * inv) % P]));
    this.basis.push({ pivot, row });
  }

  /** Whether some combination of the learnt figures equals the sum of `atoms` exactly. */
  canDerive(atoms: readonly string[]): boolean {
    return this.reduce(this.vector(atoms)).size === 0;
  }
}
