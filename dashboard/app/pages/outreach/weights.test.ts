import { describe, expect, it } from 'vitest';
import { effectiveWeights, formatWeight, parseWeight, readSaved, SECTOR_WEIGHTS, storageKey, writeSaved, fromOfficeWeights, toOfficeWeights } from './weights.ts';
import { reasonCodes } from './messages.ts';

/** A Storage stand-in over a Map. */
function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

describe('outreach weights', () => {
  it('parses and writes weights as the API accepts them', () => {
    expect(parseWeight('0.35')).toBe(0.35);
    expect(parseWeight('1')).toBe(1);
    expect(parseWeight('2')).toBeUndefined();
    expect(parseWeight('0,3')).toBeUndefined();
    expect(parseWeight('-1')).toBeUndefined();
    expect(formatWeight(0.1 + 0.2)).toBe('0.3');
    expect(formatWeight(0)).toBe('0');
  });

  it('takes the URL first, then the weights saved on this device, then the defaults', () => {
    const { params, values } = effectiveWeights(SECTOR_WEIGHTS, { peso_cl: '0', peso_tension: 'x' }, { peso_cl: '0.9', peso_jovenes: '1' });
    expect(params).toEqual({ w_lq: '0', w_growth: '0.3', w_tightness: '0.2', w_youth: '1' });
    expect(values.peso_cl).toBe(0);
  });

  it('saves per user and ignores what it cannot read', () => {
    const s = memoryStorage();
    writeSaved(s, 'ana', { peso_cl: '0.5' });
    expect(readSaved(s, 'ana')).toEqual({ peso_cl: '0.5' });
    expect(readSaved(s, 'luis')).toEqual({});
    s.setItem(storageKey('luis'), '{not json');
    expect(readSaved(s, 'luis')).toEqual({});
    s.setItem(storageKey('luis'), JSON.stringify({ peso_cl: '7', other: '0.1', peso_tension: '0.4' }));
    expect(readSaved(s, 'luis')).toEqual({ peso_tension: '0.4' });
    writeSaved(s, 'ana', {});
    expect(s.m.has(storageKey('ana'))).toBe(false);
  });

  it('reads reason codes as a comma-joined string or a list', () => {
    expect(reasonCodes('specialised,hires_young_people')).toEqual(['specialised', 'hires_young_people']);
    expect(reasonCodes(['never_contacted'])).toEqual(['never_contacted']);
    expect(reasonCodes('')).toEqual([]);
    expect(reasonCodes(null)).toEqual([]);
  });
});

describe('office weights', () => {
  it('go to the server per query, by parameter, and come back by URL name, dropping malformed values', () => {
    const office = toOfficeWeights({ peso_cl: '0.5', peso_jovenes: '0.1', peso_jovenes_emp: '0.3' });
    expect(office).toEqual({ 'target-sectors': { w_lq: '0.5', w_youth: '0.1' }, 'target-firms': { w_youth: '0.3' } });
    expect(fromOfficeWeights(office)).toEqual({ peso_cl: '0.5', peso_jovenes: '0.1', peso_jovenes_emp: '0.3' });
    expect(fromOfficeWeights({ 'target-sectors': { w_lq: '7', w_growth: 'x', w_youth: '0.2' } })).toEqual({ peso_jovenes: '0.2' });
  });
});
