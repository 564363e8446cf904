import { lazy, Suspense, useEffect } from 'react';
import { useClient, useQuery, useSession } from './data/client-context.tsx';
import { formatDateTime } from './i18n/format.ts';
import { I18nProvider, useT } from './i18n/i18n.tsx';
import { formatUrl, PAGE_PATHS, type Page } from './url-state.ts';
import { useView } from './view-context.tsx';

const PAGES: Record<Page, React.LazyExoticComponent<() => React.JSX.Element>> = {
  home: lazy(() => import('./pages/home/HomePage.tsx')),
  public: lazy(() => import('./pages/public/PublicPage.tsx')),
  policy: lazy(() => import('./pages/policy/PolicyPage.tsx')),
  outreach: lazy(() => import('./pages/outreach/OutreachPage.tsx')),
};

/** The application shell: header, navigation of the three audiences, the page, the footer. */
export function App() {
  const { view } = useView();
  useEffect(() => {
    document.documentElement.lang = view.lang;
  }, [view.lang]);
  return (
    <I18nProvider lang={view.lang}>
      <Shell />
    </I18nProvider>
  );
}

function Shell() {
  const { t, lang } = useT();
  const { view, go, setLang } = useView();
  const client = useClient();
  const { user } = useSession();
  const Page = PAGES[view.page];
  const nav: [Page, 'nav.home' | 'nav.public' | 'nav.policy' | 'nav.outreach', string][] = [
    ['home', 'nav.home', 'nav-home'],
    ['public', 'nav.public', 'nav-public'],
    ['policy', 'nav.policy', 'nav-policy'],
    ['outreach', 'nav.outreach', 'nav-outreach'],
  ];
  return (
    <>
      <a className="skip" href="#main">{lang === 'es' ? 'Saltar al contenido' : 'Skip to content'}</a>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">◆</span>
          <span className="name">{t('app.name')}</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          {nav.map(([page, label, testId]) => (
            <a key={page} href={formatUrl({ page, lang, filters: {} })} data-testid={testId} aria-current={view.page === page ? 'page' : undefined}
              onClick={(e) => { e.preventDefault(); go(page); }}>
              {t(label)}
            </a>
          ))}
        </nav>
        {user && (
          <span className="user">
            {user.username}
            <button type="button" data-testid="sign-out" onClick={() => void client.signOut().then(() => window.location.reload())}>{t('signin.signOut')}</button>
          </span>
        )}
        <button type="button" className="lang" data-testid="lang-switch" aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'es' ? 'en' : 'es')}>
          {t('lang.switch')}
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <Page />
        </Suspense>
      </main>
      <Footer />
    </>
  );
}

function Footer() {
  const { t, lang } = useT();
  const provinces = useQuery('provinces', {});
  const loadedAt = provinces.data?.freshness?.loadedAt;
  return (
    <footer>
      <p data-testid="freshness">{loadedAt ? t('footer.freshness', { date: formatDateTime(lang, loadedAt) }) : t('footer.noData')}</p>
      <p>{t('footer.about')}</p>
    </footer>
  );
}

/** Paths served by the app, for the server's fallback. */
export const APP_PATHS = Object.values(PAGE_PATHS);
