import { z } from 'zod';

/** A month as `YYYY-MM`. */
export const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** An INEC province code: '01'..'24' or '90'. */
export const provinceCode = z.string().regex(/^(0[1-9]|1\d|2[0-4]|90)$/, 'expected a province code 01-24 or 90');

/** The first day of a `YYYY-MM` month, as bound to SQL. */
export function monthStart(m: string | undefined): string | null {
  return m ? `${m}-01` : null;
}
