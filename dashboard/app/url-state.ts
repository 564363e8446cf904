import type { Lang } from './i18n/format.ts';

/** The pages of the app, by path. */
export type Page = 'home' | 'public' | 'policy' | 'outreach';

/** Paths of each page (Spanish, as users share them). */
export const PAGE_PATHS: Record<Page, string> = { home: '/', public: '/jovenes', policy: '/politicas', outreach: '/concertacion' };

/** Everything a link must carry to reproduce a view. */
export interface ViewState {
  page: Page;
  lang: Lang;
  /** Page filters, by their URL names (desde, hasta, provincia...). */
  filters: Record<string, string>;
}

/** Reads a view from a URL's path and query string; unknown paths are the home page. */
export function parseUrl(pathname: string, search: string): ViewState {
  const page = (Object.entries(PAGE_PATHS).find(([, p]) => p === pathname.replace(/\/+$/, '') || (p === '/' && pathname === '/'))?.[0] ?? 'home') as Page;
  const params = new URLSearchParams(search);
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'es';
  params.delete('lang');
  const filters: Record<string, string> = {};
  for (const [k, v] of params) if (v !== '') filters[k] = v;
  return { page, lang, filters };
}

/** Writes a view as a path and query string; Spanish and empty filters are left out. */
export function formatUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.lang === 'en') params.set('lang', 'en');
  for (const [k, v] of Object.entries(state.filters).sort(([a], [b]) => a.localeCompare(b))) if (v) params.set(k, v);
  const query = params.toString();
  return `${PAGE_PATHS[state.page]}${query ? `?${query}` : ''}`;
}
