import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { formatMonth, formatNumber, formatPercent, interpolate } from './format.ts';

describe('formats', () => {
  it('writes numbers with the decimal comma in Spanish and the point in English', () => {
    expect(formatNumber('es', 12345.6, 1)).toBe('12.345,6');
    expect(formatNumber('en', 12345.6, 1)).toBe('12,345.6');
    expect(formatNumber('es', 1234)).toBe('1.234');
  });

  it('writes percentages in each language', () => {
    expect(formatPercent('es', 0.0843)).toMatch(/^8,4\s?%$/);
    expect(formatPercent('en', 0.0843)).toBe('8.4%');
  });

  it('labels months in each language', () => {
    expect(formatMonth('es', '2024-01')).toBe('ene 2024');
    expect(formatMonth('en', '2024-09')).toBe('Sep 2024');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(interpolate('Total {n} de {m}', { n: 3 })).toBe('Total 3 de {m}');
  });

  it('has an English message for every Spanish one, each with the same placeholders', () => {
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[key]), key).toEqual(names(es[key]));
    }
  });
});
