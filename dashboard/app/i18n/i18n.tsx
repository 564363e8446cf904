import { createContext, useContext, type ReactNode } from 'react';
import { en } from './en.ts';
import { es, type MessageKey } from './es.ts';
import { formatMonth, formatNumber, formatPercent, interpolate, type Lang } from './format.ts';

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { es, en };

/** What a component needs to speak the user's language. */
export interface I18n {
  lang: Lang;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  number(value: number, digits?: number): string;
  percent(share: number, digits?: number): string;
  month(month: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the language chosen in the URL to every component below it. */
export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value: I18n = {
    lang,
    // A key cast from data (an indicator id, a code) may have no message yet: show the key, never crash.
    t: (key, values) => interpolate(MESSAGES[lang][key] ?? key, values),
    number: (v, digits) => formatNumber(lang, v, digits),
    percent: (v, digits) => formatPercent(lang, v, digits),
    month: (m) => formatMonth(lang, m),
  };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's messages and formats. */
export function useT(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT needs an I18nProvider above it.');
  return i18n;
}
