import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { FaroClient, QueryResult, StaffUser } from './client.ts';

const ClientContext = createContext<FaroClient | null>(null);

/** Injects the data client for every page below it. */
export function ClientProvider({ client, children }: { client: FaroClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The injected data client. */
export function useClient(): FaroClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider above it.');
  return client;
}

/** The state of one query: its last answer, its error, and whether a request is in flight. */
export interface QueryState {
  data: QueryResult | null;
  error: Error | null;
  loading: boolean;
}

/**
 * Runs a catalogue query and re-runs it when its parameters change; the previous request is
 * aborted, so a view has at most one request in flight.
 */
export function useQuery(name: string, params: Record<string, string | number | undefined>): QueryState {
  const client = useClient();
  const key = JSON.stringify(params);
  const [state, setState] = useState<QueryState>({ data: null, error: null, loading: true });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    client.query(name, JSON.parse(key) as Record<string, string>, controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [client, name, key]);
  return state;
}

/** The signed-in staff member (undefined while asking the server), and a way to ask again. */
export interface SessionState {
  user: StaffUser | null | undefined;
  refresh: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Asks the server who is signed in, once for the whole app, and again on `refresh`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    client.session().then((u) => live && setUser(u), () => live && setUser(null));
    return () => {
      live = false;
    };
  }, [client, tick]);
  return <SessionContext.Provider value={{ user, refresh: () => setTick((n) => n + 1) }}>{children}</SessionContext.Provider>;
}

/** The session shared by every component under {@link SessionProvider}. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it.');
  return session;
}
