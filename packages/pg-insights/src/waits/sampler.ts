// Samples pg_stat_activity on one connection at a fixed interval while a workload runs: which
// statements the active backends of this database run and what they wait on. Bounded in rounds,
// never two queries at once, stopped by `stop()` or the signal.
import type { WaitSummaryJson } from '@rota-perf/core';
import type postgres from 'postgres';
import { INSIGHTS_APPLICATION } from '../connection.js';
import { type ActivityRow, WaitTally } from './tally.js';

/** Options of `startWaitSampler`. */
export interface WaitSamplerOptions {
  /** Between the starts of two rounds, ms (default 500). */
  intervalMs?: number;
  /** Rounds before the sampler stops by itself (default: one hour's worth). */
  maxRounds?: number;
  /** Stops sampling (as `stop()` does). */
  signal?: AbortSignal;
}

/** A running sampler. */
export interface WaitSampler {
  /** Stops after the round in flight, and returns what was seen. */
  stop(): Promise<WaitSummaryJson>;
}

async function sampleOnce(sql: postgres.Sql): Promise<ActivityRow[]> {
  return sql<ActivityRow[]>`
    select query_id::text as query_id, left(query, 2000) as query, wait_event_type, wait_event
    from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
      and backend_type = 'client backend' and application_name <> ${INSIGHTS_APPLICATION} /*rota-perf:insights*/`;
}

/** Starts sampling at once (first round now); `sql` must not be used for anything else meanwhile. */
export function startWaitSampler(sql: postgres.Sql, options: WaitSamplerOptions = {}): WaitSampler {
  const intervalMs = options.intervalMs ?? 500;
  const maxRounds = options.maxRounds ?? Math.ceil(3_600_000 / intervalMs);
  const tally = new WaitTally();
  let stopped = false;
  let truncated = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let wake: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    wake = resolve;
  });

  const round = async () => {
    timer = undefined;
    if (stopped) return wake();
    if (tally.rounds >= maxRounds) {
      truncated = true;
      stopped = true;
      return wake();
    }
    const started = Date.now();
    try {
      tally.add(await sampleOnce(sql));
    } catch {
      // A failed round (a dropped connection…) ends sampling; the rounds so far stand.
      stopped = true;
      return wake();
    }
    if (stopped) return wake();
    // Start to start: a slow round is followed by the next at once, never by two at once.
    timer = setTimeout(tick, Math.max(0, started + intervalMs - Date.now()));
    timer.unref();
  };
  const tick = () => {
    inFlight = round();
  };
  const stop = () => {
    stopped = true;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      wake();
    }
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  tick();
  return {
    async stop() {
      stop();
      await inFlight;
      await done;
      options.signal?.removeEventListener('abort', stop);
      return tally.summary(intervalMs, truncated);
    },
  };
}
