import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import type { Page } from '../../url-state.ts';

/** The landing page: the three audiences, with one real figure. */
export default function HomePage() {
  const { t, percent } = useT();
  const { go } = useView();
  const youth = useQuery('survey-indicator', { indicator: 'youth_unemployment_15_24' });
  const latest = (youth.data?.rows ?? []).slice().sort((a, b) => String(b.period).localeCompare(String(a.period)))[0];
  const cards: [Page, 'nav.public' | 'nav.policy' | 'nav.outreach', 'home.public' | 'home.policy' | 'home.outreach'][] = [
    ['public', 'nav.public', 'home.public'],
    ['policy', 'nav.policy', 'home.policy'],
    ['outreach', 'nav.outreach', 'home.outreach'],
  ];
  return (
    <article>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {latest?.estimate != null && (
        <div className="kpi">
          <span className="kpi-label">{t('home.youth', { period: String(latest.period) })}</span>
          <span className="kpi-value" data-testid="home-youth">{percent(Number(latest.estimate))}</span>
        </div>
      )}
      <div className="audiences">
        {cards.map(([page, title, text]) => (
          <a key={page} className="audience" href="#" onClick={(e) => { e.preventDefault(); go(page); }}>
            <h2>{t(title)}</h2>
            <p>{t(text)}</p>
          </a>
        ))}
      </div>
    </article>
  );
}
