import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../warehouse/warehouse.ts';
import { cedulaCheckDigit, cedulaProblem, cedulaValidSql, isValidCedula, makeCedula } from './cedula.ts';

describe('cédula validation', () => {
  it('computes the check digit by hand-worked examples', () => {
    // 171003406: 1*2=2, 7, 1*2=2, 0, 0*2=0, 3, 4*2=8, 0, 6*2=12-9=3 -> 25 -> (10 - 5) % 10 = 5
    expect(cedulaCheckDigit('171003406')).toBe(5);
    expect(isValidCedula('1710034065')).toBe(true);
    expect(isValidCedula('1710034064')).toBe(false);
  });

  it('names the reason for each kind of invalid value', () => {
    expect(cedulaProblem('17100340')).toMatch(/10 dígitos/);
    expect(cedulaProblem('2510034065')).toMatch(/provincia/);
    expect(cedulaProblem('1770034065')).toMatch(/tercer dígito/);
    expect(cedulaProblem('1710034069')).toMatch(/verificador/);
    expect(isValidCedula(makeCedula('300123456'))).toBe(true);
  });

  it('agrees with its SQL form on 2,000 pseudo-random values', async () => {
    const values: string[] = [];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const plausible = String(1 + (x % 24)).padStart(2, '0') + String(x % 6) + String(x % 1_000_000).padStart(6, '0');
      const anyDigits = String(x % 1_000_000_000).padStart(9, '0');
      values.push(i % 3 === 0 ? makeCedula(plausible) : i % 3 === 1 ? plausible + String(x % 10) : anyDigits + String(x % 10));
    }
    const w = await Warehouse.open({ path: ':memory:', access: 'write' });
    try {
      const rows = await w.rows<{ v: string; ok: boolean }>(
        `SELECT v, ${cedulaValidSql('v')} AS ok FROM (SELECT unnest(json_extract_string($values, '$[*]')) AS v)`,
        { values: JSON.stringify(values) },
      );
      const sqlValid = new Map(rows.map((r) => [r.v, r.ok]));
      for (const v of values) expect(sqlValid.get(v), v).toBe(isValidCedula(v));
      expect(values.filter(isValidCedula).length).toBeGreaterThan(600);
    } finally {
      w.close();
    }
  });
});
