import { Float64, Int32, Schema, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { QueryAnswer } from '../../queries/catalogue/run-query.ts';
import { arrowBuffer, encodeAhead, encodeArrow, isEncoded } from './encode-answer.ts';

const answer = (): QueryAnswer => ({
  query: 'kpi-summary', names: ['month', 'placements', 'rate'], types: ['VARCHAR', 'INTEGER', 'DOUBLE'],
  values: [['2026-01', '2026-02'], [12, null], [0.5, 0.25]], rowCount: 2,
  freshness: { loadedAt: '2026-11-01T00:00:00', sources: ['placements'] },
});

describe('arrowBuffer', () => {
  it('encodes an answer as an Arrow stream with its values and freshness', () => {
    const table = tableFromIPC(arrowBuffer(answer()));
    expect(table.numRows).toBe(2);
    expect(table.getChild('month')!.toArray()).toEqual(['2026-01', '2026-02']);
    expect([...table.getChild('placements')!]).toEqual([12, null]);
    expect(JSON.parse(table.schema.metadata.get('faro.freshness')!)).toEqual({ loadedAt: '2026-11-01T00:00:00', sources: ['placements'] });
  });

  it('encodes each answer once: the same answer gives the same bytes, another answer its own', () => {
    const a = answer();
    const b = answer();
    expect(arrowBuffer(a)).toBe(arrowBuffer(a));
    expect(arrowBuffer(b)).not.toBe(arrowBuffer(a));
    expect(Buffer.compare(arrowBuffer(b), arrowBuffer(a))).toBe(0);
  });
});

/** The same stream written through Arrow's builders (`vectorFromArray`), as a second encoder to hold the direct one to. */
function encodeByBuilders(a: QueryAnswer): Uint8Array {
  const vector = (type: string, values: unknown[]) => (/^INTEGER$/.test(type) ? vectorFromArray(values as (number | null)[], new Int32())
    : /^(BIGINT|DOUBLE|DECIMAL)/.test(type) ? vectorFromArray(values as (number | null)[], new Float64())
    : vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Utf8()));
  const table = new Table(Object.fromEntries(a.names.map((name, i) => [name, vector(a.types[i]!, a.values[i]!)])));
  return tableToIPC(new Table(new Schema(table.schema.fields, new Map([['faro.freshness', JSON.stringify(a.freshness)]])), table.batches), 'stream');
}

describe('encodeArrow', () => {
  const freshness = { loadedAt: null, sources: [] };
  const answers: QueryAnswer[] = [
    answer(),
    { query: 'q', names: ['office', 'name', 'n', 'share', 'total'], types: ['VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'BIGINT'], rowCount: 4, freshness,
      values: [['OF-1701', null, 'OF-0901', ''], ['Año Nuevo — señoría', 'Quito 😀', null, 'x'], [null, null, 0, -7], [null, 1e-300, -0.5, 12.25], [3, null, 2 ** 40, 0]] },
    { query: 'q', names: ['month', 'n'], types: ['VARCHAR', 'INTEGER'], rowCount: 0, freshness, values: [[], []] },
    { query: 'q', names: ['a'], types: ['DOUBLE'], rowCount: 9, freshness, values: [[null, null, null, null, null, null, null, null, 1]] },
  ];

  it('writes what Arrow\'s builders write: the same schema, metadata and values, nulls, text in any script and empty answers included', () => {
    const decoded = (bytes: Uint8Array) => {
      const table = tableFromIPC(bytes);
      return {
        fields: table.schema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? '?' : ''}`),
        metadata: [...table.schema.metadata],
        columns: table.schema.fields.map((f) => [...table.getChild(f.name)!]),
      };
    };
    for (const a of answers) expect(decoded(encodeArrow(a)), JSON.stringify(a.values)).toEqual(decoded(encodeByBuilders(a)));
  });

  it('reads back as the values it was given', () => {
    const table = tableFromIPC(encodeArrow(answers[1]!));
    expect(table.getChild('name')!.toArray()).toEqual(['Año Nuevo — señoría', 'Quito 😀', null, 'x']);
    expect([...table.getChild('n')!]).toEqual([null, null, 0, -7]);
    expect([...table.getChild('total')!]).toEqual([3, null, 2 ** 40, 0]);
  });
});

describe('encodeAhead', () => {
  it('encodes the answers it is given before any request, and passes over the ones that failed', async () => {
    const [a, b] = [answer(), answer()];
    expect(isEncoded(a)).toBe(false);
    const count = await encodeAhead([Promise.resolve(a), Promise.reject(new Error('no data')), Promise.resolve(b)]);
    expect(count).toBe(2);
    expect(isEncoded(a) && isEncoded(b)).toBe(true);
    expect(tableFromIPC(arrowBuffer(a)).numRows).toBe(2);
    const part = { ...answer(), query: 'kpi-summary-registrations' };
    expect(await encodeAhead([Promise.resolve(part)], (x) => x.query !== 'kpi-summary-registrations')).toBe(0);
    expect(isEncoded(part)).toBe(false);
  });
});
