import { describe, expect, it } from 'vitest';
import { toCsv } from './download-csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting and leaves numbers unformatted', () => {
    const csv = toCsv(
      [{ a: 'Comercial, S.A.', b: 1234.5 }, { a: 'dice "hola"', b: null }, { a: 'dos\nlíneas', b: 0 }],
      [{ key: 'a', label: 'Nombre' }, { key: 'b', label: 'Valor' }],
    );
    expect(csv).toBe('\ufeffNombre,Valor\r\n"Comercial, S.A.",1234.5\r\n"dice ""hola""",\r\n"dos\nlíneas",0\r\n');
  });
});
