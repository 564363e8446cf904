import { useId, type ReactNode } from 'react';
import { ClientError } from '../../data/client.ts';
import type { QueryState } from '../../data/client-context.tsx';
import { useOutreachT } from './messages.ts';

/** Okabe-Ito colours (safe for colour-blind readers), as the rest of the app uses them. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

/** The rows of an answer, typed as the caller expects them. */
export function rowsOf<T>(state: QueryState): T[] {
  return (state.data?.rows ?? []) as unknown as T[];
}

/**
 * What to show while a query is loading or when it failed: nothing once it has data. A refusal
 * (403) is shown as `forbidden` when given.
 */
export function QueryStatus({ state, forbidden }: { state: QueryState; forbidden?: ReactNode }) {
  const { t } = useOutreachT();
  if (state.error instanceof ClientError && state.error.status === 403 && forbidden) return <>{forbidden}</>;
  if (state.error) return <p role="alert" className="error">{t('common.error', { message: state.error.message })}</p>;
  if (state.loading && !state.data) return <p aria-live="polite">{t('common.loading')}</p>;
  return null;
}

/** A titled card holding a list (no chart), with a CSV download of the same rows. */
export function ListCard({ title, lead, onDownload, downloadLabel, downloadTestId, children }: {
  title: string;
  lead?: string;
  onDownload?: () => void;
  downloadLabel?: string;
  downloadTestId?: string;
  children: ReactNode;
}) {
  const { t } = useOutreachT();
  const id = useId();
  return (
    <section className="card outreach-list" aria-labelledby={id}>
      <header className="card-head">
        <h3 id={id}>{title}</h3>
        {onDownload && (
          <div className="card-tools">
            <button type="button" className="download" onClick={onDownload} data-testid={downloadTestId}>{downloadLabel ?? t('common.downloadCsv')}</button>
          </div>
        )}
      </header>
      {lead && <p className="card-lead">{lead}</p>}
      {children}
    </section>
  );
}

/** A file-name-safe slug of a territory and language: "17-es". */
export function fileSuffix(territory: string, lang: string): string {
  return `${territory.replace(/[^0-9A-Za-z]/g, '') || 'todos'}-${lang}`;
}

/** The left margin for category labels at a chart width: narrower on phones. */
export function labelMargin(width: number): number {
  return width < 520 ? 124 : 190;
}

/** Shortens a category label to fit {@link labelMargin} (an ellipsis marks the cut). */
export function shortLabel(width: number): (label: string) => string {
  const max = width < 520 ? 21 : 34;
  return (label) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);
}
