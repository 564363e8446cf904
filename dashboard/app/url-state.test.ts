import { describe, expect, it } from 'vitest';
import { formatUrl, parseUrl } from './url-state.ts';

describe('URL state', () => {
  it('reads page, language and filters', () => {
    expect(parseUrl('/politicas', '?lang=en&desde=2024-01&provincia=17')).toEqual({ page: 'policy', lang: 'en', filters: { desde: '2024-01', provincia: '17' } });
    expect(parseUrl('/nada', '')).toEqual({ page: 'home', lang: 'es', filters: {} });
    expect(parseUrl('/jovenes/', '?lang=fr')).toMatchObject({ page: 'public', lang: 'es' });
  });

  it('writes a link that reads back to the same view', () => {
    const state = { page: 'policy' as const, lang: 'en' as const, filters: { provincia: '09', desde: '2025-01', hasta: '' } };
    const url = formatUrl(state);
    expect(url).toBe('/politicas?lang=en&desde=2025-01&provincia=09');
    const [path, query] = url.split('?');
    expect(parseUrl(path!, `?${query}`)).toEqual({ page: 'policy', lang: 'en', filters: { desde: '2025-01', provincia: '09' } });
    expect(formatUrl({ page: 'home', lang: 'es', filters: {} })).toBe('/');
  });
});
