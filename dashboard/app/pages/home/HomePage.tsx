import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import type { Page } from '../../url-state.ts';

/** The landing page: the three audiences, with one real figure. */
export default function HomePage() {
  const { t, number } = useT();
  const { go } = useView();
  const placements = useQuery('placements-by-month-province', {});
  const total = (placements.data?.rows ?? []).reduce((n, r) => n + Number(r.placements), 0);
  const cards: [Page, 'nav.public' | 'nav.policy' | 'nav.outreach', 'home.public' | 'home.policy' | 'home.outreach'][] = [
    ['public', 'nav.public', 'home.public'],
    ['policy', 'nav.policy', 'home.policy'],
    ['outreach', 'nav.outreach', 'home.outreach'],
  ];
  return (
    <article>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {placements.data && (
        <div className="kpi">
          <span className="kpi-label">{t('home.placements')}</span>
          <span className="kpi-value" data-testid="home-placements">{number(total)}</span>
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
