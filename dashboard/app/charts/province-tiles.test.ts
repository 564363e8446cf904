import { describe, expect, it } from 'vitest';
import { PROVINCE_TILES } from './province-tiles.ts';

describe('the province tile grid', () => {
  it('places the 24 provinces, Galápagos included, each on its own square', () => {
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    const squares = Object.values(PROVINCE_TILES).map(([x, y]) => `${x},${y}`);
    expect(new Set(squares).size).toBe(24);
  });
});
