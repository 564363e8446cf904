import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { formatUrl, parseUrl, type Page, type ViewState } from './url-state.ts';

interface ViewContextValue {
  view: ViewState;
  /** Changes filters of the current page (a URL replace: the Back button skips filter steps). */
  setFilters(filters: Record<string, string | undefined>): void;
  /** Goes to another page, keeping the language (a URL push). */
  go(page: Page): void;
  setLang(lang: ViewState['lang']): void;
}

const ViewContext = createContext<ViewContextValue | null>(null);

/** Keeps the view (page, language, filters) in the URL, so that a link reproduces it. */
export function ViewProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ViewState>(() => parseUrl(window.location.pathname, window.location.search));
  useEffect(() => {
    const onPop = () => setView(parseUrl(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const apply = useCallback((next: ViewState, push: boolean) => {
    const url = formatUrl(next);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setView(next);
  }, []);
  const value: ViewContextValue = {
    view,
    setFilters: (f) => {
      const filters = { ...view.filters };
      for (const [k, v] of Object.entries(f)) {
        if (v) filters[k] = v;
        else delete filters[k];
      }
      apply({ ...view, filters }, false);
    },
    go: (page) => apply({ page, lang: view.lang, filters: {} }, true),
    setLang: (lang) => apply({ ...view, lang }, false),
  };
  return <ViewContext.Provider value={value}>{children}</ViewContext.Provider>;
}

/** The view kept in the URL and the ways to change it. */
export function useView(): ViewContextValue {
  const v = useContext(ViewContext);
  if (!v) throw new Error('useView needs a ViewProvider above it.');
  return v;
}
