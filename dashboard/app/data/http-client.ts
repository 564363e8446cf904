import { tableFromIPC } from 'apache-arrow';
import { ClientError, type FaroClient, type Freshness, type OfficeWeights, type QueryResult, type StaffUser } from './client.ts';

async function refusal(res: Response): Promise<ClientError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ClientError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${res.status}`);
}

/** The client of the Faro API over HTTP; answers travel as Apache Arrow IPC streams. */
export function httpClient(baseUrl = ''): FaroClient {
  return {
    async query(name, params, signal) {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
      const query = search.toString();
      const res = await fetch(`${baseUrl}/api/queries/${encodeURIComponent(name)}${query ? `?${query}` : ''}`, {
        headers: { accept: 'application/vnd.apache.arrow.stream' },
        credentials: 'same-origin',
        signal,
      });
      if (!res.ok) throw await refusal(res);
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      const columns = table.schema.fields.map((f) => f.name);
      const rows = table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
        const o = row.toJSON();
        for (const k of columns) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
      const header = res.headers.get('faro-freshness');
      const freshness: Freshness | null = header ? (JSON.parse(header) as Freshness) : null;
      return { rows, columns, freshness } satisfies QueryResult;
    },
    async session() {
      const res = await fetch(`${baseUrl}/api/session`, { credentials: 'same-origin' });
      if (!res.ok) throw await refusal(res);
      return ((await res.json()) as { user: StaffUser | null }).user;
    },
    async signIn(username, password) {
      const res = await fetch(`${baseUrl}/api/session`, {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw await refusal(res);
      return ((await res.json()) as { user: StaffUser }).user;
    },
    async signOut() {
      await fetch(`${baseUrl}/api/session`, { method: 'DELETE', credentials: 'same-origin' });
    },
    async officeWeights() {
      const res = await fetch(`${baseUrl}/api/outreach/weights`, { credentials: 'same-origin' });
      if (!res.ok) throw await refusal(res);
      return ((await res.json()) as { weights: OfficeWeights }).weights;
    },
    async saveOfficeWeights(weights) {
      const res = await fetch(`${baseUrl}/api/outreach/weights`, {
        // keepalive: a save sent as the page closes still reaches the server.
        method: 'PUT', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ weights }),
      });
      if (!res.ok) throw await refusal(res);
    },
  };
}
