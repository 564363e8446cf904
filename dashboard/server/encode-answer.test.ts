import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { QueryAnswer } from '../../queries/catalogue/run-query.ts';
import { arrowBuffer } from './encode-answer.ts';

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
