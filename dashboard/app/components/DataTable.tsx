import type { Column } from './download-csv.ts';

/** A plain, accessible table of rows; numbers right-aligned and formatted by `format`. */
export function DataTable<T extends object>({ rows, columns, caption, format, testId }: {
  rows: readonly T[];
  columns: readonly Column[];
  caption: string;
  format?: (key: string, value: unknown) => string;
  testId?: string;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {(rows as readonly Record<string, unknown>[]).map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.key} className={typeof r[c.key] === 'number' ? 'num' : undefined}>
                  {format ? format(c.key, r[c.key]) : String(r[c.key] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
