/** The dashboard's filters as they appear in the URL (Spanish names), and the KPI query parameter each one sets. */
export const FILTER_PARAMS = {
  desde: 'from',
  hasta: 'to',
  provincia: 'province',
  oficina: 'office',
  sector: 'sector',
  ocupacion: 'occupation',
  sexo: 'sex',
  edad: 'age',
  canal: 'channel',
} as const;

/** A URL filter name of the policy dashboard. */
export type FilterName = keyof typeof FILTER_PARAMS;

/** The KPI query parameters for the URL's filters (empty ones left out); `override` replaces some. */
export function kpiParams(filters: Readonly<Record<string, string>>, override: Partial<Record<FilterName, string | undefined>> = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS) as [FilterName, string][]) {
    const value = name in override ? override[name] : filters[name];
    if (value) params[param] = value;
  }
  return params;
}

/** The months of `from..to` (inclusive, `YYYY-MM`) shifted back by the range's own length: the period before. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const length = index(to) - index(from) + 1;
  return { from: month(index(from) - length), to: month(index(to) - length) };
}
