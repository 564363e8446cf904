import { describe, expect, it } from 'vitest';
import { pngFileName } from './download-png.ts';

describe('pngFileName', () => {
  it('makes a safe, readable file name from a chart title in either language', () => {
    expect(pngFileName('Desempleo juvenil (15 a 24 años), por sexo')).toBe('desempleo-juvenil-15-a-24-anos-por-sexo.png');
    expect(pngFileName('Placements by month, by region')).toBe('placements-by-month-by-region.png');
    expect(pngFileName('¿?')).toBe('grafico.png');
  });
});
