import { SignIn } from '../../components/SignIn.tsx';
import { useQuery, useSession } from '../../data/client-context.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useView } from '../../view-context.tsx';
import { ChannelsPanel } from './ChannelsPanel.tsx';
import { CohortsPanel } from './CohortsPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { FunnelPanel } from './FunnelPanel.tsx';
import { KpiCards } from './KpiCards.tsx';
import { kpiParams } from './kpi-params.ts';
import { policyText } from './messages.ts';
import { OfficesPanel } from './OfficesPanel.tsx';
import { PlacementsPanel } from './PlacementsPanel.tsx';
import { PolicyFilters } from './PolicyFilters.tsx';
import { TrendPanel } from './TrendPanel.tsx';

/** The policy dashboard (staff only): placement KPIs under shared filters, cross-filtering views, comparisons. */
export default function PolicyPage() {
  const { t, lang } = useT();
  const { user, refresh } = useSession();
  if (user === undefined) return <p>{t('common.loading')}</p>;
  if (user === null) {
    return (
      <article>
        <h1>{policyText(lang, 'title')}</h1>
        <SignIn onSignedIn={refresh} />
      </article>
    );
  }
  return <Dashboard />;
}

function Dashboard() {
  const { lang } = useT();
  const { view } = useView();
  const summary = useQuery('kpi-summary', kpiParams(view.filters));
  const offices = useQuery('kpi-offices', kpiParams(view.filters, { oficina: undefined }));
  const officeList = (offices.data?.rows ?? []).map((r) => ({ code: String(r.office_code), name: String(r.office_name) })).sort((a, b) => a.name.localeCompare(b.name));
  const officeNames = new Map(officeList.map((o) => [o.code, o.name]));
  const row = summary.data?.rows[0];
  const period = { from: row ? String(row.period_from) : undefined, to: row ? String(row.period_to) : undefined };
  return (
    <article className="policy">
      <h1>{policyText(lang, 'title')}</h1>
      <p className="lead">{policyText(lang, 'lead')}</p>
      <PolicyFilters months={period} offices={officeList} />
      <KpiCards summary={summary} />
      <div className="grid">
        <TrendPanel />
        <FunnelPanel officeNames={officeNames} />
        <ChannelsPanel />
        <CohortsPanel />
      </div>
      <OfficesPanel answer={offices} />
      <ComparePanel period={period} officeNames={officeNames} />
      <PlacementsPanel />
    </article>
  );
}
