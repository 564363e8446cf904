import type { ReactNode } from 'react';
import type { StaffUser } from '../../data/client.ts';
import { useQuery } from '../../data/client-context.tsx';
import { LOCALES } from '../../i18n/format.ts';
import { QueryStatus, rowsOf } from './common.tsx';
import { periodLabel, type SectorRow, type ShiftRow } from './MarketAnalysis.tsx';
import { useOutreachT } from './messages.ts';
import type { TargetSectorRow } from './Targeting.tsx';
import { useSavedWeights } from './saved-weights.ts';
import { useWeights } from './Targeting.tsx';
import type { TightRow, WageRow } from './TightnessWages.tsx';
import { SECTOR_WEIGHTS } from './weights.ts';

/** A small table of the brief: a header row and rows of cells. */
function BriefTable({ title, head, rows, testId }: { title: string; head: string[]; rows: ReactNode[][]; testId?: string }) {
  return (
    <section className="brief-block">
      <h3>{title}</h3>
      <table data-testid={testId}>
        <thead><tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} className={j > 0 ? 'num' : undefined}>{c}</td>)}</tr>)}</tbody>
      </table>
    </section>
  );
}

/**
 * The one-page territory brief: the most specialised sectors, the competitive effect, tightness,
 * wages and the priority sectors under the weights in force; printable (`@media print`), and
 * reproduced by its URL (`vista=ficha`, `territorio`, `peso_*`).
 */
export function TerritoryBrief({ territory, territoryName, user }: { territory: string; territoryName: string; user: StaffUser }) {
  const { m, lang, number, month, sectorName, occupationName, decimal, money, reasons } = useOutreachT();
  const sw = useWeights(SECTOR_WEIGHTS, useSavedWeights(user));
  const sectors = useQuery('market-sectors', { territory });
  const shift = useQuery('market-shift-share', { territory });
  const tight = useQuery('market-tightness', { territory, by: 'sector' });
  const wages = useQuery('market-wages', { territory });
  const target = useQuery('target-sectors', { territory, ...sw.params });
  const lq = rowsOf<SectorRow>(sectors).filter((r) => r.lq_employment !== null && r.employed_territory > 0).sort((a, b) => b.lq_employment! - a.lq_employment!).slice(0, 5);
  const ss = rowsOf<ShiftRow>(shift).sort((a, b) => b.competitive_effect - a.competitive_effect).slice(0, 5);
  const tr = rowsOf<TightRow>(tight).filter((r) => r.active_seekers > 0 || r.open_positions > 0)
    .sort((a, b) => Number(b.code === '*') - Number(a.code === '*') || (b.positions_per_seeker ?? Infinity) - (a.positions_per_seeker ?? Infinity)).slice(0, 8);
  const wr = rowsOf<WageRow>(wages).filter((r) => r.median_wage_offered !== null && r.median_wage_earned !== null);
  const top = rowsOf<TargetSectorRow>(target).slice(0, 5);
  const today = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date());
  const flag = (f: string | null) => (f ? m(`flag.${f}` as 'flag.balanced') : '—');

  return (
    <section className="brief" aria-labelledby="brief-title" data-testid="territory-brief">
      <div className="brief-head">
        <h2 id="brief-title">{m('briefTitle', { territory: territoryName })}</h2>
        <button type="button" className="print-button" data-testid="print-brief" onClick={() => window.print()}>{m('print')}</button>
      </div>
      <p className="note">{m('briefLead', { date: today })}{lq[0] ? ` ${m('surveyPeriod', { period: lq[0].survey_period })}.` : ''}{ss[0] ? ` ${m('period', { period: periodLabel(month, ss[0].current_period) })}.` : ''}</p>
      {[sectors, shift, tight, wages, target].map((s, i) => <QueryStatus key={i} state={s} />)}
      <div className="brief-grid">
        <BriefTable title={m('briefTopLq')} testId="brief-lq" head={[m('sector'), `CL ${m('measure.employment')}`, `CL ${m('measure.vacancies')}`]}
          rows={lq.map((r) => [sectorName(r.sector_code), decimal(r.lq_employment), decimal(r.lq_vacancies)])} />
        <BriefTable title={m('briefGrowth')} head={[m('sector'), 'Δ', m('effect.competitive_effect')]}
          rows={ss.map((r) => [sectorName(r.sector_code), number(r.change), number(r.competitive_effect, 1)])} />
        <BriefTable title={m('briefTight')} head={[m('sector'), lang === 'es' ? 'Puestos / buscadores' : 'Positions / seekers', lang === 'es' ? 'Señal' : 'Signal']}
          rows={tr.map((r) => [sectorName(r.code), `${number(r.open_positions)} / ${number(r.active_seekers)}`, flag(r.flag)])} />
        <BriefTable title={m('briefWages')} head={[m('occupation'), m('offered'), m('earned')]}
          rows={wr.map((r) => [occupationName(r.occupation_code), money(r.median_wage_offered!), `${money(r.median_wage_earned!)}${r.earned_flag === 'small_sample' ? ' *' : ''}`])} />
      </div>
      {wr.some((r) => r.earned_flag === 'small_sample') && <p className="note">* {m('flag.small_sample')}</p>}
      <section className="brief-block">
        <h3>{m('briefSectors')}</h3>
        <p className="note">{SECTOR_WEIGHTS.map((d) => `${m(d.label)} ${number(sw.values[d.url]!, 2)}`).join(' · ')}</p>
        <ol className="reasons-list" data-testid="brief-sectors">
          {top.map((r) => <li key={r.sector_code}><strong>{sectorName(r.sector_code)}</strong> <span className="score">{decimal(r.score)}</span> <span className="why">{reasons(r.reasons)}</span></li>)}
        </ol>
      </section>
    </section>
  );
}
