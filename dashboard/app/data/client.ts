/** When the data behind an answer were loaded, and from which sources. */
export interface Freshness {
  loadedAt: string | null;
  sources: string[];
}

/** A catalogue query's answer as the pages use it. */
export interface QueryResult {
  rows: Record<string, unknown>[];
  columns: string[];
  freshness: Freshness | null;
}

/** The one seam between the dashboard and its data: named queries with parameters. */
export interface FaroClient {
  query(name: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<QueryResult>;
}
