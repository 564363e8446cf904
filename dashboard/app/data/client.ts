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

/** A signed-in staff member. */
export interface StaffUser {
  username: string;
  role: 'policy' | 'concertador';
  territories: string[];
}

/** A request the server refused: its HTTP status and stable code. */
export class ClientError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** An office's saved score weights: per query, parameter → value ("0.35"). */
export type OfficeWeights = Record<string, Record<string, string>>;

/** The one seam between the dashboard and its data: named queries with parameters, the session, and an office's saved weights. */
export interface FaroClient {
  query(name: string, params: Record<string, string | number | undefined>, signal?: AbortSignal): Promise<QueryResult>;
  session(): Promise<StaffUser | null>;
  signIn(username: string, password: string): Promise<StaffUser>;
  signOut(): Promise<void>;
  /** The weights the signed-in concertador's office saved for its target scores. */
  officeWeights(): Promise<OfficeWeights>;
  /** Saves the office's weights (outreach staff only). */
  saveOfficeWeights(weights: OfficeWeights): Promise<void>;
}
