// What the engine tells a supervisor in another thread while it runs, so the supervisor can
// enforce k6's deadlines and still finish the test when the engine thread has to be stopped.
import type { FinishedSecond } from '@rota-perf/core/series';
import type { MetricState } from '../metrics/registry.js';
import type { OutputsResume } from '../outputs/outputs.js';
import type { GroupNode } from '../runtime/groups.js';
import type { RunPlan } from '../series/plan.js';
import type { SummaryData } from '../summary/data.js';

/** Per-scenario iteration counts at the time of a snapshot. */
export interface ScenarioTally {
  name: string;
  completed: number;
  interrupted: number;
  /** Iterations running when the snapshot was taken. */
  active: number;
  vus: number;
}

/** Everything the end of a test needs, as plain (structured-clone safe) data. */
export interface RunSnapshot {
  metrics: MetricState[];
  rootGroup: GroupNode;
  scenarios: ScenarioTally[];
  /** Milliseconds since the test started. */
  elapsedMs: number;
  /** The exit code so far (a stop request such as test.abort() sets it). */
  exitCode: number;
  /** How far the streamed outputs got (flushed just before the snapshot), when any. */
  outputs?: OutputsResume;
}

/** The stage the engine entered, with the deadline k6 gives it. */
export type Phase =
  | { name: 'init' }
  | { name: 'setup'; timeoutMs: number }
  | {
      name: 'run';
      /** Date.now() at the start of the test (one clock for both threads). */
      startEpochMs: number;
      /** The longest the scenarios can take, graceful stops included. */
      maxDurationMs: number;
      /** The longest gracefulStop: how long a stop request may take. */
      maxGracefulStopMs: number;
      /** The scenarios' schedule (for `onPlan`). */
      plan: RunPlan;
    }
  | { name: 'teardown'; timeoutMs: number; snapshot: RunSnapshot; testRunDurationMs: number }
  | { name: 'summary'; timeoutMs: number; summaryData: SummaryData; exitCode: number };

/** Receives the engine's progress (the worker posts it to the supervisor). */
export interface EngineReporter {
  phase(phase: Phase): void;
  /** setup() finished: its data as JSON (undefined when it returned nothing or is not defined). */
  setupDone(defined: boolean, json: string | undefined): void;
  /** Sent every second while the scenarios run. */
  snapshot(snapshot: RunSnapshot): void;
  /** Finished seconds of the series (once a second, and the rest at the end). */
  seconds(seconds: FinishedSecond[]): void;
}

/** How the supervisor asks a fresh engine thread to finish a test another thread started. */
export interface Recovery {
  /** The last snapshot received (null if the test never reached its first one). */
  snapshot: RunSnapshot | null;
  setup: { defined: boolean; json: string | undefined };
  /** False when teardown already ran (or timed out). */
  runTeardown: boolean;
  /** The exit code so far (0, 105 after a signal, 107 …). */
  exitCode: number;
  testRunDurationMs: number;
}

/** k6's handleSummary() limit (js/runner.go: 2 minutes, not configurable). */
export const HANDLE_SUMMARY_TIMEOUT_MS = 120_000;
