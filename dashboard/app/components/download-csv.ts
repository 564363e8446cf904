/** A column of a table or CSV: the key in the rows and the header to show. */
export interface Column {
  key: string;
  label: string;
}

/**
 * Builds RFC 4180 CSV text from rows: a header line, values unformatted (numbers as numbers),
 * fields quoted when they hold a comma, a quote or a line break; a byte-order mark first, so
 * spreadsheets read accents right.
 */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly Column[]): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.label)).join(','), ...rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c.key])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Offers CSV text as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
