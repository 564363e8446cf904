import { useQuery } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { policyText } from './messages.ts';

const AGE_BANDS = ['15-17', '18-24', '25-29', '30-44', '45-64', '65+'] as const;
const CHANNELS = ['counselling', 'portal', 'job_fair', 'workshop', 'outreach', 'interview', 'workshop_seekers', 'workshop_employers'] as const;
const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], { es: string; en: string }> = {
  counselling: { es: 'Consejería', en: 'Counselling' },
  portal: { es: 'Portal', en: 'Portal' },
  job_fair: { es: 'Feria de empleo', en: 'Job fair' },
  workshop: { es: 'Talleres', en: 'Workshops' },
  outreach: { es: 'Concertación', en: 'Employer outreach' },
  interview: { es: 'Entrevista', en: 'Interview' },
  workshop_seekers: { es: 'Taller para personas', en: 'Workshop for seekers' },
  workshop_employers: { es: 'Taller para empresas', en: 'Workshop for employers' },
};

/** A channel's name in the page's language (the code itself when unknown). */
export function channelLabel(lang: 'es' | 'en', channel: string): string {
  return CHANNEL_LABELS[channel as (typeof CHANNELS)[number]]?.[lang] ?? channel;
}

/**
 * The dashboard's filters, kept in the URL: period, territory, office, sector, occupation, sex,
 * age group and channel. Every view of the page follows them.
 */
export function PolicyFilters({ months, offices }: { months: { from?: string; to?: string }; offices: { code: string; name: string }[] }) {
  const { t, lang } = useT();
  const p = (k: Parameters<typeof policyText>[1]) => policyText(lang, k);
  const { view, setFilters } = useView();
  const f = view.filters;
  const provinces = useQuery('provinces', {});
  const classes = useQuery('classifications', {});
  const named = (kind: string) => (classes.data?.rows ?? []).filter((r) => r.kind === kind).map((r) => ({ code: String(r.code), name: String(lang === 'es' ? r.name_es : r.name_en) }));
  const any = Object.keys(f).some((k) => k !== 'comparar' && k !== 'embudo');
  const select = (name: string, label: string, all: string, options: { code: string; name: string }[], testId: string) => (
    <label>
      {label}
      <select data-testid={testId} value={f[name] ?? ''} onChange={(e) => setFilters({ [name]: e.target.value })}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
      </select>
    </label>
  );
  return (
    <form className="filters" aria-label={p('filters')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('policy.from')}
        <input type="month" data-testid="from-filter" value={f.desde ?? months.from ?? ''} onChange={(e) => setFilters({ desde: e.target.value })} />
      </label>
      <label>
        {t('policy.to')}
        <input type="month" data-testid="to-filter" value={f.hasta ?? months.to ?? ''} onChange={(e) => setFilters({ hasta: e.target.value })} />
      </label>
      {select('provincia', t('policy.province'), t('common.allProvinces'), (provinces.data?.rows ?? []).map((r) => ({ code: String(r.code), name: String(r.name) })), 'province-filter')}
      {select('oficina', p('office'), p('allOffices'), offices.map((o) => ({ code: o.code, name: `${o.name} (${o.code})` })), 'office-filter')}
      {select('sector', p('sector'), p('allSectors'), named('sector').map((s) => ({ code: s.code, name: `${s.code} · ${s.name}` })), 'sector-filter')}
      {select('ocupacion', p('occupation'), p('allOccupations'), named('occupation').map((s) => ({ code: s.code, name: `${s.code} · ${s.name}` })), 'occupation-filter')}
      {select('sexo', p('sex'), p('allSexes'), [{ code: 'F', name: p('sexF') }, { code: 'M', name: p('sexM') }], 'sex-filter')}
      {select('edad', p('age'), p('allAges'), [{ code: 'youth', name: p('youth') }, ...AGE_BANDS.map((b) => ({ code: b, name: b }))], 'age-filter')}
      {select('canal', p('channel'), p('allChannels'), CHANNELS.map((c) => ({ code: c, name: channelLabel(lang, c) })), 'channel-filter')}
      {any && (
        <button type="button" className="clear" data-testid="clear-filters"
          onClick={() => setFilters(Object.fromEntries(Object.keys(f).filter((k) => k !== 'comparar' && k !== 'embudo').map((k) => [k, undefined])))}>
          {p('clear')}
        </button>
      )}
    </form>
  );
}
