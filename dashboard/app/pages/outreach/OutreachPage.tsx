import { useT } from '../../i18n/i18n.tsx';

/** The employer-outreach page; its analyses come with the concertación work. */
export default function OutreachPage() {
  const { t } = useT();
  return (
    <article>
      <h1>{t('outreach.title')}</h1>
      <p className="lead">{t('outreach.soon')}</p>
    </article>
  );
}
