// db-bench --explain: while each case is timed, its waits are sampled on a connection of
// their own; after it, one more call of the case is recorded as the driver sent it, and those
// statements are run again under EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction.
import { type CaseExplainJson, firstLine } from '@rota-perf/core';
import {
  combineFingerprints,
  createStatementRecorder,
  explainStatements,
  openInsightsClient,
  type PlanMode,
  startWaitSampler,
} from '@rota-perf/pg-insights';
import type { Connection, StatementObserver } from '@rota-perf/rota-db';
import type { BenchCase } from '../harness/define-case.js';
import { callCaseOnce } from '../harness/run-benchmark.js';

/**
 * Waits are sampled every 10 ms while a case is timed: a case lasts well under a second, and
 * at the 500 ms of a load run it would get one sample or none.
 */
export const CASE_SAMPLE_INTERVAL_MS = 10;
// Bounds the sampling of one case (10 minutes at 10 ms).
const MAX_ROUNDS = 60_000;

/** What --explain adds to a run, case by case. */
export interface CaseExplainer {
  /** The statement observer for the benchmark's connection. */
  observe: StatementObserver;
  /** Binds to the opened database; call before the cases run. */
  attach(connection: Connection, url: string): Promise<void>;
  /** The harness's `aroundMeasure`. */
  aroundMeasure(benchCase: BenchCase, measure: () => Promise<void>): Promise<void>;
  /** By case name, the cases explained so far. */
  readonly explained: ReadonlyMap<string, CaseExplainJson>;
  /** Closes the sampling connection. */
  close(): Promise<void>;
}

/** An explainer; nothing is sampled or explained before `attach`. */
export function createCaseExplainer(signal: AbortSignal): CaseExplainer {
  const recorder = createStatementRecorder();
  const explained = new Map<string, CaseExplainJson>();
  let bound: { connection: Connection; sampling: ReturnType<typeof openInsightsClient> } | null =
    null;
  let mode: PlanMode = 'custom';
  return {
    observe: (statement) => recorder.observe(statement),
    explained,
    async attach(connection, url) {
      // The plans the timed calls ran: generic when the session forces them (e.g. a
      // DATABASE_URL with ?plan_cache_mode=force_generic_plan, as rota-api connects).
      const [row] = await connection.client<{ mode: string }[]>`
        select current_setting('plan_cache_mode') as mode`;
      mode = row?.mode === 'force_generic_plan' ? 'generic' : 'custom';
      bound = { connection, sampling: openInsightsClient(url) };
    },
    async aroundMeasure(benchCase, measure) {
      if (bound === null) return measure();
      const sampler = startWaitSampler(bound.sampling, {
        intervalMs: CASE_SAMPLE_INTERVAL_MS,
        maxRounds: MAX_ROUNDS,
        signal,
      });
      let waits: CaseExplainJson['waits'];
      try {
        await measure();
      } finally {
        waits = await sampler.stop();
      }
      if (signal.aborted) return;
      try {
        const statements = await recorder.record(() => callCaseOnce(benchCase));
        const plans = await explainStatements(bound.connection.client, statements, mode);
        explained.set(benchCase.name, { ...plans, waits, error: null });
      } catch (error) {
        explained.set(benchCase.name, {
          fingerprint: combineFingerprints([]),
          plan_mode: mode,
          statements: [],
          findings: [],
          waits,
          error: firstLine(error),
        });
      }
    },
    async close() {
      await bound?.sampling.end({ timeout: 5 }).catch(() => {});
    },
  };
}
