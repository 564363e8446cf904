import { tableFromIPC } from 'apache-arrow';
import type { FaroClient, Freshness, QueryResult } from './client.ts';

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
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      }
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
  };
}
