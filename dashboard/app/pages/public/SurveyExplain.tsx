import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';

/**
 * The explanation every survey chart carries: the indicator's formula (from the catalogue), the
 * source and period, how each interval is computed, and when an estimate is hatched or hidden.
 */
export function SurveyExplain({ indicator, period, formula }: { indicator?: string; period?: string; formula?: string }) {
  const { t, lang } = useT();
  const list = useQuery('survey-indicator-list', {});
  const info = indicator ? (list.data?.rows ?? []).find((r) => r.id === indicator) : undefined;
  const text = formula ?? (info ? String(lang === 'es' ? info.formula_es : info.formula_en) : null);
  return (
    <>
      {text && <p>{t('explain.formula', { formula: text })}</p>}
      <p>{t('explain.source', { period: period ?? t('explain.allPeriods') })}</p>
      <p>{t('explain.intervals')}</p>
      <p>{t('explain.rules')}</p>
    </>
  );
}
