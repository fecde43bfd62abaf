// The target of a run: BASE_URL as given, or the reference Rota API on an embedded
// PostgreSQL, started here and always stopped by its owner.
import { InterruptedError } from '@rota-perf/core';
import type { RunContext } from './context.js';

/** A target to send load to; `stop` is a no-op for a remote one. */
export interface Target {
  url: string;
  /** The embedded API's pid (to sample its memory); null for a remote target. */
  pid: number | null;
  embedded: boolean;
  /** The target's PostgreSQL: the embedded one, or --database-url; null when unknown. */
  databaseUrl: string | null;
  stop(): Promise<void>;
}

/** `baseUrl` when given, else a fresh embedded reference API with the `fixture` content. */
export async function openTarget(
  baseUrl: string | undefined,
  fixture: 'small' | 'large',
  context: RunContext,
  databaseUrl?: string,
): Promise<Target> {
  if (baseUrl !== undefined) {
    context.out(`target: ${baseUrl}`);
    const database = databaseUrl ?? null;
    return {
      url: baseUrl,
      pid: null,
      embedded: false,
      databaseUrl: database,
      stop: async () => {},
    };
  }
  context.out(
    `target: no BASE_URL set, starting the reference Rota API on an embedded PostgreSQL (${fixture} fixture)…`,
  );
  const { startRotaApi } = await import('@rota-perf/rota-api');
  const api = await startRotaApi({ fixture });
  context.out(`target: reference Rota API at ${api.url} (pid ${api.pid})`);
  if (context.signal.aborted) {
    await api.stop();
    throw new InterruptedError('interrupted before the run started');
  }
  return {
    url: api.url,
    pid: api.pid,
    embedded: true,
    databaseUrl: api.databaseUrl,
    stop: () => api.stop(),
  };
}
