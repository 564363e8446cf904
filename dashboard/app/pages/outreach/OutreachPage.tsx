import { useMemo } from 'react';
import { SignIn } from '../../components/SignIn.tsx';
import type { StaffUser } from '../../data/client.ts';
import { useQuery, useSession } from '../../data/client-context.tsx';
import { useView } from '../../view-context.tsx';
import { MarketAnalysis } from './MarketAnalysis.tsx';
import { useOutreachT } from './messages.ts';
import { Targeting } from './Targeting.tsx';
import { TerritoryBrief } from './TerritoryBrief.tsx';
import { TightnessWages } from './TightnessWages.tsx';
import './outreach.css';

/** The sub-views of the page, by their URL value (`vista`). */
const VIEWS = ['analisis', 'focalizacion', 'ficha'] as const;
type View = (typeof VIEWS)[number];

/**
 * The employer-outreach page (issue #8), for signed-in staff. URL: `territorio` (province or
 * canton code; default the user's first territory), `vista` (analisis | focalizacion | ficha),
 * `tension` (sector | ocupacion) and the score weights (`peso_*`).
 */
export default function OutreachPage() {
  const { t, m } = useOutreachT();
  const { user, refresh } = useSession();
  if (user === undefined) return <p>{t('common.loading')}</p>;
  if (user === null) {
    return (
      <article>
        <h1>{m('title')}</h1>
        <SignIn onSignedIn={refresh} />
      </article>
    );
  }
  return <Outreach user={user} />;
}

/** A territory the select offers: its code and the name to show. */
interface TerritoryOption {
  code: string;
  name: string;
}

function Outreach({ user }: { user: StaffUser }) {
  const { m } = useOutreachT();
  const { view, setFilters } = useView();
  const provinces = useQuery('provinces', {});
  const cantonNames = useQuery('cantons', {});
  const provinceRows = useMemo(() => (provinces.data?.rows ?? []).map((p) => ({ code: String(p.code), name: String(p.name) })), [provinces.data]);
  const territory = (/^\d{2}(\d{2})?$/.test(view.filters.territorio ?? '') ? view.filters.territorio : undefined) ?? user.territories[0] ?? '17';
  const current: View = VIEWS.find((v) => v === view.filters.vista) ?? 'analisis';

  const cantons = useMemo<TerritoryOption[]>(() => {
    const codes = new Set([...user.territories, territory].filter((c) => c.length === 4));
    const province = (c: string) => provinceRows.find((p) => p.code === c.slice(0, 2))?.name ?? c.slice(0, 2);
    const names = new Map((cantonNames.data?.rows ?? []).map((c) => [String(c.code), String(c.name)]));
    return [...codes].sort().map((code) => ({ code, name: `${names.get(code) ?? m('cantonOption', { code })} (${province(code)})` }));
  }, [user.territories, territory, provinceRows, cantonNames.data, m]);
  const territoryName = territory.length === 2
    ? provinceRows.find((p) => p.code === territory)?.name ?? territory
    : cantons.find((c) => c.code === territory)?.name ?? territory;

  return (
    <article className={`outreach view-${current}`}>
      <h1>{m('title')}</h1>
      <p className="lead">{m('lead')}</p>
      <form className="filters outreach-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {m('territory')}
          <select data-testid="territory-filter" value={territory} onChange={(e) => setFilters({ territorio: e.target.value })}>
            {provinceRows.length === 0 && <option value={territory}>{territoryName}</option>}
            <optgroup label={m('provinces')}>
              {provinceRows.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </optgroup>
            {cantons.length > 0 && (
              <optgroup label={m('cantons')}>
                {cantons.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <div role="group" aria-label={m('views')} className="toggle outreach-views">
          {VIEWS.map((v) => (
            <button key={v} type="button" data-testid={`view-${v}`} aria-pressed={current === v} onClick={() => setFilters({ vista: v === 'analisis' ? undefined : v })}>
              {m(`view.${v}`)}
            </button>
          ))}
        </div>
      </form>
      {current === 'analisis' && (
        <>
          <MarketAnalysis territory={territory} territoryName={territoryName} />
          <TightnessWages territory={territory} territoryName={territoryName} />
        </>
      )}
      {current === 'focalizacion' && <Targeting territory={territory} territoryName={territoryName} user={user} />}
      {current === 'ficha' && <TerritoryBrief territory={territory} territoryName={territoryName} user={user} />}
    </article>
  );
}
