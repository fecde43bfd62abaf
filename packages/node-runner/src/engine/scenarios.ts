import { EXIT, type RunnerError } from '../errors.js';
import { runArrivalRate } from '../executors/arrival.js';
import { type ExecutorHost, ScenarioRun, waitUntil } from '../executors/host.js';
import {
  runConstantVus,
  runPerVuIterations,
  runRampingVus,
  runSharedIterations,
} from '../executors/vus.js';
import type { Tags } from '../metrics/registry.js';
import type { ScenarioShare } from '../options/scenario-share.js';
import type { ScenarioConfig } from '../options/scenarios.js';
import { StripedCounter } from '../options/striping.js';
import type { VuState } from '../runtime/state.js';
import { planOf } from '../series/plan.js';
import { logLine } from '../util/logfmt.js';
import { scenarioMaxMs } from './banner.js';
import { runIteration } from './iteration.js';
import { startMonitor } from './monitor.js';
import type { OpenRun } from './open.js';
import { flushRecording } from './recording.js';
import type { EngineReporter, RunSnapshot } from './reporter.js';
import { createVu } from './vu.js';

const EXECUTORS: Record<string, (run: ScenarioRun, host: ExecutorHost) => Promise<void>> = {
  'constant-arrival-rate': runArrivalRate,
  'ramping-arrival-rate': runArrivalRate,
  'constant-vus': runConstantVus,
  'ramping-vus': runRampingVus,
  'per-vu-iterations': runPerVuIterations,
  'shared-iterations': runSharedIterations,
};

const HALF_SECOND_MS = 500;
const NO_TAGS = {};

/**
 * The tags of the one scenario whose schedule (start time to start time + duration) covers
 * `atMs` on the test clock; none when no scenario or several do. The generator's health is
 * process-wide, but in a step sweep one level runs at a time: tagged with it, every level
 * gets its own figures (`generator_cpu_percent{scenario:probe_50}`).
 */
function scheduledAt(runs: readonly ScenarioRun[], atMs: number): Tags {
  let found: ScenarioRun | undefined;
  for (const r of runs) {
    const start = r.cfg.startTimeMs;
    const end = scenarioMaxMs(r.cfg) - r.cfg.gracefulStopMs;
    if (atMs < start || atMs >= end) continue;
    if (found) return NO_TAGS;
    found = r;
  }
  return found?.scenarioTags ?? NO_TAGS;
}

/** The scenarios after they ran. */
export interface ScenariosOutcome {
  runs: ScenarioRun[];
  testRunDurationMs: number;
}

/** Takes the plain-data view of the run the supervisor keeps. */
export function takeSnapshot(open: OpenRun, runs: ScenarioRun[], elapsedMs: number): RunSnapshot {
  return {
    metrics: open.rt.registry.snapshot(),
    rootGroup: open.rt.groups.root,
    scenarios: runs.map((r) => ({
      name: r.cfg.name,
      completed: r.completed,
      interrupted: r.interrupted,
      active: r.active.size,
      vus: r.vus.length,
    })),
    elapsedMs,
    exitCode: open.exitCode,
    ...(open.rt.outputs ? { outputs: open.rt.outputs.resumePoint() } : {}),
  };
}

/** Initialises every scenario's VUs, then runs the scenarios to their end (or a stop request). */
export async function runScenarios(
  open: OpenRun,
  setupJson: string | undefined,
  reporter: EngineReporter | undefined,
): Promise<ScenariosOutcome> {
  const { rt, scenarios, scriptUrl } = open;
  // Every scenario gets its own VUs, numbered in start order, initialised before the test
  // starts. A scenario this instance has no part of is left out, with k6's warning.
  const ordered = [...scenarios]
    .sort((a, b) => a.startTimeMs - b.startTimeMs)
    .filter((s) => {
      if (open.shares.get(s)?.hasWork) return true;
      logLine(
        'warning',
        `Executor '${s.name}' is disabled for segment ${open.segmentLabel} due to lack of work!`,
      );
      return false;
    });
  // In a segment the instance's VUs are 1, 2, 3 … (`__VU`) and its stripe of the test's VU
  // numbers in the whole test (exec.vu.idInTest), as k6 numbers them.
  const vuNumbers = new StripedCounter(open.share);
  const newVu = () => {
    const idInTest = vuNumbers.next() + 1;
    const id = vuNumbers.taken;
    return createVu(id, scriptUrl, setupJson, idInTest);
  };
  const runs = new Map<ScenarioConfig, ScenarioRun>();
  const globalTags: Record<string, string> = {};
  for (const [k, v] of Object.entries((open.options.tags ?? {}) as Record<string, unknown>))
    globalTags[k] = String(v);
  for (const s of ordered) {
    const share = open.shares.get(s) as ScenarioShare;
    const own: VuState[] = [];
    for (let i = 0; i < share.initialVus; i++) own.push(await newVu());
    open.vus.push(...own);
    const plannedMs = scenarioMaxMs(s) - s.gracefulStopMs - s.startTimeMs;
    runs.set(s, new ScenarioRun(s, share, own, plannedMs, globalTags));
  }

  const onFatal = (err: RunnerError) => {
    logLine('error', err.message);
    open.requestStop(err.exitCode);
  };
  const host: ExecutorHost = {
    signal: open.stop,
    createVu: async () => {
      const vu = await newVu();
      open.vus.push(vu);
      return vu;
    },
    runIteration: (run, vu) => runIteration(run, vu, onFatal),
    dropIteration: (run) => {
      rt.registry.push(rt.builtins.dropped_iterations, 1, run.scenarioTags);
      rt.series?.dropped(run.cfg.name);
    },
    startLag: (run, lateMs) =>
      rt.registry.push(rt.builtins.iteration_start_lag_ms, lateMs, run.scenarioTags),
    warn: (message, fields) => logLine('warning', message, fields),
  };

  const t0 = performance.now();
  rt.testStartEpoch = Date.now();
  rt.series?.start(rt.testStartEpoch, scenarios);
  const all = [...runs.values()];
  rt.instance = {
    iterationsCompleted: () => all.reduce((a, r) => a + r.completed, 0),
    iterationsInterrupted: () => all.reduce((a, r) => a + r.interrupted, 0),
    vusActive: () => all.reduce((a, r) => a + r.active.size, 0),
    vusInitialized: () => open.vus.length - 1,
  };
  reporter?.phase({
    name: 'run',
    startEpochMs: rt.testStartEpoch,
    maxDurationMs: Math.max(...scenarios.map(scenarioMaxMs)),
    maxGracefulStopMs: Math.max(...scenarios.map((s) => s.gracefulStopMs)),
    plan: planOf(scenarios),
  });
  reporter?.snapshot(takeSnapshot(open, all, 0));
  const monitor = startMonitor({
    registry: rt.registry,
    builtins: rt.builtins,
    thresholds: open.thresholds,
    busyVus: () => all.reduce((a, r) => a + r.active.size, 0),
    initializedVus: () => open.vus.length - 1,
    since: t0,
    healthTags: (elapsedMs) => scheduledAt(all, elapsedMs - HALF_SECOND_MS),
    onAbort: () => open.requestStop(EXIT.thresholds),
    onTick: (elapsed, gauges) => {
      rt.series?.tick(elapsed, gauges);
      // Outputs are flushed before the snapshot, so a snapshot describes what the files hold.
      flushRecording(rt, reporter);
      reporter?.snapshot(takeSnapshot(open, all, elapsed));
    },
  });
  await Promise.all(
    ordered.map(async (s) => {
      const run = runs.get(s) as ScenarioRun;
      if (s.startTimeMs > 0 && (await waitUntil(t0 + s.startTimeMs, open.stop))) return;
      // The schedule is anchored where the plan puts the start, not where the timer fired:
      // k6 starts scenarios within microseconds of their startTime, this event loop may be
      // milliseconds late, and staggered scenarios would then drift into each other by an
      // amount that differs from run to run.
      run.start(t0 + s.startTimeMs);
      await (EXECUTORS[s.executor] as (r: ScenarioRun, h: ExecutorHost) => Promise<void>)(
        run,
        host,
      );
    }),
  );
  monitor.stop();
  return { runs: all, testRunDurationMs: performance.now() - t0 };
}
