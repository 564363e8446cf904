/** The languages of the dashboard: Spanish first, English second. */
export type Lang = 'es' | 'en';

/** The Intl locale of each language (Ecuadorian Spanish writes 12.345,6). */
export const LOCALES: Record<Lang, string> = { es: 'es-EC', en: 'en-US' };

/** Formats a count or measure in the language's conventions. */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' }).format(value);
}

/** Formats a share (0.084) as a percentage in the language's conventions: "8,4 %" / "8.4%". */
export function formatPercent(lang: Lang, share: number, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** Formats a 'YYYY-MM' month as a short label: "ene 2024" / "Jan 2024". */
export function formatMonth(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number);
  const label = new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
  return label.replace('.', '').replace(' de ', ' ');
}

/** Formats an ISO timestamp as a date with time: "1 oct 2026, 08:00". */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${iso}Z`));
}

/** Fills `{name}` placeholders of a message. */
export function interpolate(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
