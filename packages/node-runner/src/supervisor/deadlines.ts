// k6's deadlines per phase, and what the supervisor does when an engine thread misses one
// (VU code blocked its event loop) or ends without a result.
import type { EngineResult } from '../engine/engine.js';
import type { Phase, Recovery, RunSnapshot } from '../engine/reporter.js';
import { EXIT } from '../errors.js';
import type { SummaryData } from '../summary/data.js';
import { formatDurationShort } from '../util/duration.js';
import { logLine } from '../util/logfmt.js';

/**
 * Time an engine thread gets past a phase's deadline before it counts as blocked: the run
 * phase ends by itself at its max duration (executors interrupt what is still running), so
 * anything later than this means the thread's event loop is not turning.
 */
export const GRACE_MS = 2000;

/** When the phase must be over (Date.now() value), or null when k6 sets no limit. */
export function deadlineFor(phase: Phase, signalled: boolean, setupSeen: boolean): number | null {
  const now = Date.now();
  const normal =
    phase.name === 'init'
      ? null
      : phase.name === 'run'
        ? phase.startEpochMs + phase.maxDurationMs + GRACE_MS
        : now + phase.timeoutMs;
  const stop = signalled ? stopDeadline(phase, setupSeen, now) : null;
  if (stop === null) return normal;
  return normal === null ? stop : Math.min(normal, stop);
}

/**
 * How long a phase may still take after Ctrl-C: running iterations get the longest
 * gracefulStop; init (before setup) and setup are cut short, as k6 cancels them; teardown and
 * handleSummary keep their own limits (k6 still runs them after the first Ctrl-C).
 */
export function stopDeadline(phase: Phase, setupSeen: boolean, now: number): number | null {
  switch (phase.name) {
    case 'run':
      return now + phase.maxGracefulStopMs + GRACE_MS;
    case 'setup':
      return now + GRACE_MS;
    case 'init':
      return setupSeen ? null : now + GRACE_MS;
    default:
      return null;
  }
}

/** An engine thread that missed its deadline or ended without a result. */
export interface Stall {
  reason: 'timeout' | 'died';
  phase: Phase;
  setup: Recovery['setup'];
  snapshot: RunSnapshot | null;
  /** The thread's exit code when it died. */
  exitCode: number;
  /** The uncaught error that ended it, if any. */
  crash: string;
  /** Date.now() when the supervisor noticed. */
  at: number;
}

/** What to do next: return, print k6's text summary without the script, or finish in a new thread. */
export type StallOutcome =
  | { kind: 'result'; result: EngineResult }
  | { kind: 'summary-only'; input: { summaryData: SummaryData; exitCode: number } }
  | { kind: 'finish'; recovery: Recovery };

const seconds = (ms: number) => Math.round(ms / 1000);

function deathLine(stall: Stall): string {
  const why = stall.crash ? `: ${stall.crash}` : '';
  return `k6-node: the engine thread ended during ${stall.phase.name} without finishing the test (exit code ${stall.exitCode}${why})`;
}

/** Decides (and logs, in one line) how a stalled thread's test ends. */
export function stallOutcome(stall: Stall, signalled: boolean): StallOutcome {
  const { phase } = stall;
  const died = stall.reason === 'died';
  const failed = (code: number): StallOutcome => ({
    kind: 'result',
    result: { exitCode: code, summaryData: null },
  });
  if (died) logLine('error', deathLine(stall));
  switch (phase.name) {
    case 'init':
      return failed(died ? EXIT.scriptException : EXIT.externalAbort);
    case 'setup':
      if (died) return failed(EXIT.scriptException);
      if (signalled) return failed(EXIT.externalAbort);
      logLine('error', `setup() execution timed out after ${seconds(phase.timeoutMs)} seconds`, {
        hint: 'You can increase the time limit via the setupTimeout option',
      });
      return failed(EXIT.setupTimeout);
    case 'run':
      return { kind: 'finish', recovery: recoverRun(stall, phase, signalled) };
    case 'teardown': {
      if (!died) {
        logLine(
          'error',
          `teardown() execution timed out after ${seconds(phase.timeoutMs)} seconds`,
          {
            hint: 'You can increase the time limit via the teardownTimeout option',
          },
        );
      }
      const code = phase.snapshot.exitCode;
      return {
        kind: 'finish',
        recovery: {
          snapshot: phase.snapshot,
          setup: stall.setup,
          runTeardown: false,
          exitCode: code !== EXIT.ok ? code : died ? EXIT.scriptException : EXIT.teardownTimeout,
          testRunDurationMs: phase.testRunDurationMs,
        },
      };
    }
    case 'summary':
      if (!died) {
        logLine(
          'error',
          `failed to handle the end-of-test summary: handleSummary() execution timed out after ${seconds(phase.timeoutMs)} seconds`,
        );
      }
      return {
        kind: 'summary-only',
        input: { summaryData: phase.summaryData, exitCode: phase.exitCode },
      };
  }
}

/**
 * The run phase overran its max duration (graceful stops included): VU code holds the event
 * loop. As k6 interrupts such a VU, the iterations that were running count as interrupted; the
 * metrics are those of the last snapshot (at most a second old when the loop stopped turning).
 */
function recoverRun(
  stall: Stall,
  phase: Extract<Phase, { name: 'run' }>,
  signalled: boolean,
): Recovery {
  const snap = stall.snapshot;
  const running = snap?.scenarios.reduce((a, s) => a + s.active, 0) ?? 0;
  if (stall.reason === 'timeout') {
    const lost = snap ? ` (samples after ${formatDurationShort(snap.elapsedMs)} are lost)` : '';
    logLine(
      'warning',
      `VU code did not return control to the engine (a synchronous loop?) by the end of the test's max duration incl. graceful stop (${formatDurationShort(phase.maxDurationMs)}); stopped it and interrupted ${running} running iteration(s)${lost}`,
    );
  }
  let exitCode = snap?.exitCode ?? EXIT.ok;
  if (exitCode === EXIT.ok && signalled) exitCode = EXIT.externalAbort;
  if (exitCode === EXIT.ok && stall.reason === 'died') exitCode = EXIT.scriptException;
  return {
    snapshot: snap && {
      ...snap,
      scenarios: snap.scenarios.map((s) => ({
        ...s,
        interrupted: s.interrupted + s.active,
        active: 0,
      })),
    },
    setup: stall.setup,
    runTeardown: true,
    exitCode,
    testRunDurationMs: stall.at - phase.startEpochMs,
  };
}
