import type { Warehouse } from '../../warehouse/warehouse.ts';
import { oncePerWarehouse } from '../catalogue/once-per-warehouse.ts';
import { codedColumns } from '../kpi/coded-columns.ts';

/** A day as a number (days since 1970-01-01); {@link NO_DAY} for none. */
export const NO_DAY = -0x80000000;

/** A DATE column as a day number, {@link NO_DAY} for NULL, as SQL. */
const DAY_SQL = (column: string) => `coalesce((${column} - DATE '1970-01-01')::INTEGER, ${NO_DAY})`;

/** A day number as 'YYYY-MM-DD', null for {@link NO_DAY}: the SQL `strftime(d, '%Y-%m-%d')`. */
export function dayText(day: number): string | null {
  return day === NO_DAY ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Text values packed into one string with their offsets: two heap objects instead of one per value,
 * so that holding 300 k firm names costs the garbage collector nothing (as separate strings they
 * made each full collection 10-20 ms longer at mx).
 */
export class PackedStrings {
  private readonly text: string;
  private readonly ends: Int32Array;
  private readonly nulls: Uint8Array;

  constructor(values: readonly unknown[]) {
    this.ends = new Int32Array(values.length);
    this.nulls = new Uint8Array(values.length);
    let at = 0;
    values.forEach((v, i) => {
      if (v === null || v === undefined) this.nulls[i] = 1;
      else at += String(v).length;
      this.ends[i] = at;
    });
    this.text = values.map((v) => (v === null || v === undefined ? '' : String(v))).join('');
  }

  /** The value at `i` (null for NULL). */
  at(i: number): string | null {
    return this.nulls[i] ? null : this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

/** The longest window of new vacancies the directory keeps: followup-due's `days` up to it are answered in memory. */
export const RECENT_VACANCY_DAYS = 366;

/**
 * Every firm of `firm_fact` held in memory by a served warehouse, indexed by `fx − 1` (firm_fact
 * is numbered 1..n in its order): what the concertadores' firm lists need to pick, order and name
 * the firms of a territory without a statement (300 k firms, 36 MB and 0.8 s at mx).
 */
export interface FirmDirectory {
  firmCount: number;
  /** The pseudonym and legal name of each firm. */
  firmId: PackedStrings;
  name: PackedStrings;
  /** Each firm's place in the order of `firm_id` (ORDER BY firm_id), for ties broken as the SQL breaks them. */
  idRank: Int32Array;
  /** Province, canton, sector and size, as indexes into `codes`. */
  coded: Record<'province_code' | 'canton_code' | 'sector_code' | 'size_band', Int32Array>;
  codes: Record<'province_code' | 'canton_code' | 'sector_code' | 'size_band', readonly (string | null)[]>;
  /** The days of each firm's latest facilitation, follow-up and any contact (`NO_DAY` for none). */
  lastFacilitation: Int32Array;
  lastFollowup: Int32Array;
  lastContact: Int32Array;
  /** Each firm's vacancies and positions posted in the last 12 months with data, and the placements on them (firm_fact's `later_placements`). */
  vacancies: Int32Array;
  positions: Int32Array;
  laterPlacements: Int32Array;
  /** The latest contact or vacancy of the data (`greatest(contact_end, vacancy_end)`): the default cut-off; null without either. */
  end: number | null;
  /** The vacancies posted in the {@link RECENT_VACANCY_DAYS} days up to `end`: firm (fx − 1) and day, by day. */
  recent: { firm: Int32Array; day: Int32Array };
}

async function readDirectory(w: Warehouse): Promise<FirmDirectory> {
  const [{ end } = { end: null }] = await w.rows<{ end: number | null }>(
    `SELECT (greatest(contact_end, vacancy_end) - DATE '1970-01-01')::INTEGER AS "end" FROM fact_bounds`);
  const expressions = { province_code: 'f.province_code', canton_code: 'f.canton_code', sector_code: 'f.sector_code', size_band: 'f.size_band' } as const;
  const { codes, ctes, joins, selects } = await codedColumns(w, 'firm_fact', 'f', expressions);
  const [numbers, names, recent] = await Promise.all([
    w.int32Columns(`WITH ${ctes}
      SELECT f.fx, ${selects}, (row_number() OVER (ORDER BY f.firm_id) - 1)::INTEGER AS id_rank,
        ${DAY_SQL('f.last_facilitation')} AS last_facilitation, ${DAY_SQL('f.last_followup')} AS last_followup, ${DAY_SQL('f.last_contact')} AS last_contact,
        f.vacancies, f.positions, f.later_placements
      FROM firm_fact f ${joins} ORDER BY f.fx`),
    w.columns('SELECT firm_id, name FROM firm_fact ORDER BY fx'),
    end === null ? null : w.int32Columns(`SELECT (v.fx - 1)::INTEGER AS firm, ${DAY_SQL('v.posted_on')} AS day FROM vacancy_fact v
      WHERE v.fx IS NOT NULL AND v.posted_on > DATE '1970-01-01' + ${end - RECENT_VACANCY_DAYS} AND v.posted_on <= DATE '1970-01-01' + ${end}
      ORDER BY v.posted_on`),
  ]);
  const column = (name: string) => numbers.columns[numbers.names.indexOf(name)]!;
  // The directory is indexed by fx − 1: firm_fact numbers its firms 1..n with row_number.
  column('fx').forEach((fx, i) => {
    if (fx !== i + 1) throw new Error(`firm_fact: expected the firms numbered 1..n, found fx ${fx} at row ${i + 1}`);
  });
  return {
    firmCount: numbers.rowCount,
    firmId: new PackedStrings(names.values[0]!),
    name: new PackedStrings(names.values[1]!),
    idRank: column('id_rank'),
    coded: { province_code: column('province_code'), canton_code: column('canton_code'), sector_code: column('sector_code'), size_band: column('size_band') },
    codes,
    lastFacilitation: column('last_facilitation'), lastFollowup: column('last_followup'), lastContact: column('last_contact'),
    vacancies: column('vacancies'), positions: column('positions'), laterPlacements: column('later_placements'),
    end,
    recent: { firm: recent?.columns[0] ?? new Int32Array(0), day: recent?.columns[1] ?? new Int32Array(0) },
  };
}

/** The firm directory of a served warehouse, read once (see {@link FirmDirectory}); a writable warehouse's is read on every call. */
export const firmDirectory = oncePerWarehouse(readDirectory, { servedOnly: true });

/** A firm's sector, size, province or canton code (index `i`: fx − 1). */
export function firmCode(d: FirmDirectory, name: keyof FirmDirectory['coded'], i: number): string | null {
  return d.codes[name][d.coded[name][i]!] ?? null;
}

const scratches = new WeakMap<FirmDirectory, Int32Array[]>();

/**
 * `count` arrays of a number per firm, the same ones on every call: an answer's working arrays,
 * which it fills before it reads them with no await in between (allocating 1.2 MB arrays on
 * each request cost more than the answer's own work).
 */
export function scratchArrays(d: FirmDirectory, count: number): Int32Array[] {
  let kept = scratches.get(d);
  if (!kept) scratches.set(d, (kept = []));
  while (kept.length < count) kept.push(new Int32Array(d.firmCount));
  return kept.slice(0, count);
}

const masks = new WeakMap<FirmDirectory, Map<string, Uint8Array>>();
const MASKS_KEPT = 64;

/**
 * The firms of a viewer's territories (province or canton codes), 1 for each firm in them: the
 * `mine` CTE of outreach-sql.ts. Kept per territory set (the last {@link MASKS_KEPT}), since a
 * concertador's lists ask for the same set again and again.
 */
export function territoryMask(d: FirmDirectory, territories: readonly string[]): Uint8Array {
  let kept = masks.get(d);
  if (!kept) masks.set(d, (kept = new Map()));
  const key = [...territories].sort().join(',');
  let mask = kept.get(key);
  if (mask) return mask;
  const inProvince = Uint8Array.from(d.codes.province_code, (code) => (code !== null && territories.includes(code) ? 1 : 0));
  const inCanton = Uint8Array.from(d.codes.canton_code, (code) => (code !== null && territories.includes(code) ? 1 : 0));
  mask = new Uint8Array(d.firmCount);
  const { province_code: province, canton_code: canton } = d.coded;
  for (let i = 0; i < d.firmCount; i++) mask[i] = inProvince[province[i]!]! | inCanton[canton[i]!]!;
  if (kept.size >= MASKS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, mask);
  return mask;
}

/**
 * The first `limit` of `items` in the order of `compare`, which orders them first by `ranks[0]`,
 * then `ranks[1]`, ... (each an item's small non-negative integer, ascending) and then by a last
 * key of its own. Counting finds the rank at which the limit falls, so only the items up to it
 * are sorted: a territory's firm list takes its first 200 of 100 k firms without sorting them all.
 */
export function firstInOrder(items: Int32Array, ranks: readonly Int32Array[], limit: number, compare: (a: number, b: number) => number): number[] {
  const kept: number[] = [];
  let pending = items;
  for (const rank of ranks) {
    const room = limit - kept.length;
    if (pending.length <= room) break;
    let top = 0;
    for (let k = 0; k < pending.length; k++) if (rank[pending[k]!]! > top) top = rank[pending[k]!]!;
    const counts = new Int32Array(top + 1);
    for (let k = 0; k < pending.length; k++) counts[rank[pending[k]!]!]!++;
    let [at, taken] = [0, counts[0]!];
    while (taken < room) taken += counts[++at]!;
    // The items before the rank where the limit falls are all in; only those at it compete further.
    const next = new Int32Array(counts[at]!);
    let n = 0;
    for (let k = 0; k < pending.length; k++) {
      const i = pending[k]!;
      if (rank[i]! < at) kept.push(i);
      else if (rank[i] === at) next[n++] = i;
    }
    pending = next;
  }
  for (const i of pending) kept.push(i);
  return kept.sort(compare).slice(0, limit);
}
