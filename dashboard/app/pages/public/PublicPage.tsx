import { useT } from '../../i18n/i18n.tsx';

/** The public youth observatory; its indicators come with the survey work. */
export default function PublicPage() {
  const { t } = useT();
  return (
    <article>
      <h1>{t('public.title')}</h1>
      <p className="lead">{t('public.soon')}</p>
    </article>
  );
}
