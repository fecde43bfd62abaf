import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT, RunnerError } from '../errors.js';
import { runArrivalRate } from '../executors/arrival.js';
import { type ExecutorHost, ScenarioRun, waitUntil } from '../executors/host.js';
import {
  runConstantVus,
  runPerVuIterations,
  runRampingVus,
  runSharedIterations,
} from '../executors/vus.js';
import { registerK6Hooks } from '../loader/register.js';
import { defineBuiltins } from '../metrics/builtin.js';
import { MetricRegistry } from '../metrics/registry.js';
import { resolveScenarios, type ScenarioConfig } from '../options/scenarios.js';
import { installGlobals } from '../runtime/globals.js';
import { GroupTree } from '../runtime/groups.js';
import { type Runtime, setRuntime, type VuState } from '../runtime/state.js';
import { buildSummaryData, type SummaryData } from '../summary/data.js';
import { bindThresholds, evaluateThresholds, type ThresholdSet } from '../thresholds/evaluate.js';
import { installConsole, logLine } from '../util/logfmt.js';
import { formatHeader, initialVus, scenarioMaxMs } from './banner.js';
import { finishRun } from './finish.js';
import { runIteration } from './iteration.js';
import { runLifecycle } from './lifecycle.js';
import { startMonitor } from './monitor.js';
import { serializeSetupData } from './setup-data.js';
import { createVu, destroyVu } from './vu.js';

/** Options of one in-process run. */
export interface EngineOptions {
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
  signal?: AbortSignal;
}

/** The outcome: k6's exit code and the handleSummary data (null if the run never started). */
export interface EngineResult {
  exitCode: number;
  summaryData: SummaryData | null;
}

const EXECUTORS: Record<string, (run: ScenarioRun, host: ExecutorHost) => Promise<void>> = {
  'constant-arrival-rate': runArrivalRate,
  'ramping-arrival-rate': runArrivalRate,
  'constant-vus': runConstantVus,
  'ramping-vus': runRampingVus,
  'per-vu-iterations': runPerVuIterations,
  'shared-iterations': runSharedIterations,
};

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** Runs a k6 script in this process (one run per process at a time). */
export async function executeScript(
  scriptPath: string,
  opts: EngineOptions = {},
): Promise<EngineResult> {
  const cwd = opts.cwd ?? process.cwd();
  const file = resolve(cwd, scriptPath);
  if (!existsSync(file))
    throw new RunnerError(`script not found: ${file} (expected a path to a k6 script)`, EXIT.usage);
  registerK6Hooks();
  installGlobals();
  installConsole();
  const registry = new MetricRegistry();
  const builtins = defineBuiltins(registry);
  const groups = new GroupTree();
  const stop = new AbortController();
  let exitCode: number = EXIT.ok;
  const requestStop = (code: number) => {
    if (stop.signal.aborted) return;
    exitCode = code;
    stop.abort();
  };
  const rt: Runtime = {
    registry,
    builtins,
    groups,
    env: { ...(process.env as Record<string, string>), ...(opts.env ?? {}) },
    scriptDir: dirname(file),
    userAgent: 'k6/0.49.0 (https://k6.io/)',
    maxRedirects: 10,
    insecureSkipTLSVerify: false,
    discardResponseBodies: false,
    expectedStatus: (s) => s >= 200 && s < 400,
    testStartEpoch: Date.now(),
    abortTest: (reason, code) => {
      if (!stop.signal.aborted) logLine('error', reason);
      requestStop(code);
    },
  };
  setRuntime(rt);
  const scriptUrl = pathToFileURL(file).href;
  const vus: VuState[] = [];
  try {
    let main: VuState;
    try {
      main = await createVu(0, scriptUrl, undefined);
      vus.push(main);
    } catch (err) {
      if (err instanceof RunnerError) throw err;
      throw new RunnerError(firstLine(err), EXIT.scriptException);
    }
    const options = (main.exports.options ?? {}) as Record<string, unknown>;
    if (typeof options.userAgent === 'string') rt.userAgent = options.userAgent;
    if (typeof options.maxRedirects === 'number') rt.maxRedirects = options.maxRedirects;
    rt.insecureSkipTLSVerify = options.insecureSkipTLSVerify === true;
    rt.discardResponseBodies = options.discardResponseBodies === true;
    const scenarios = resolveScenarios(options);
    for (const s of scenarios) {
      if (typeof main.exports[s.exec] !== 'function') {
        throw new RunnerError(
          `scenario '${s.name}': function '${s.exec}' is not exported by the script`,
          EXIT.invalidConfig,
        );
      }
    }
    const thresholds: ThresholdSet[] = bindThresholds(registry, options.thresholds);
    const trendStats = Array.isArray(options.summaryTrendStats)
      ? options.summaryTrendStats.map(String)
      : ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
    if (!opts.quiet) process.stdout.write(formatHeader(scriptPath, scenarios));

    const onSignal = () => {
      logLine('info', 'Stopping k6 in response to signal...');
      requestStop(EXIT.externalAbort);
    };
    opts.signal?.addEventListener('abort', onSignal, { once: true });
    if (opts.signal?.aborted) onSignal();

    const lifecycle = await runLifecycle(main, 'setup', undefined);
    const setupJson = lifecycle.defined ? serializeSetupData(lifecycle.result) : undefined;

    // Every scenario gets its own VUs, numbered in start order, initialised before the test starts.
    const ordered = [...scenarios].sort((a, b) => a.startTimeMs - b.startTimeMs);
    let nextId = 1;
    const runs = new Map<ScenarioConfig, ScenarioRun>();
    for (const s of ordered) {
      const own: VuState[] = [];
      for (let i = 0; i < initialVus(s); i++)
        own.push(await createVu(nextId++, scriptUrl, setupJson));
      vus.push(...own);
      const globalTags: Record<string, string> = {};
      for (const [k, v] of Object.entries((options.tags ?? {}) as Record<string, unknown>))
        globalTags[k] = String(v);
      runs.set(
        s,
        new ScenarioRun(s, own, scenarioMaxMs(s) - s.gracefulStopMs - s.startTimeMs, globalTags),
      );
    }

    const host: ExecutorHost = {
      signal: stop.signal,
      createVu: async () => {
        const vu = await createVu(nextId++, scriptUrl, setupJson);
        vus.push(vu);
        return vu;
      },
      runIteration: (run, vu) =>
        runIteration(run, vu, (err) => {
          logLine('error', err.message);
          requestStop(err.exitCode);
        }),
      dropIteration: (run) =>
        registry.push(builtins.dropped_iterations, 1, { ...run.tags, group: '' }),
      warn: (message, fields) => logLine('warning', message, fields),
    };

    const t0 = performance.now();
    rt.testStartEpoch = Date.now();
    const busy = () => [...runs.values()].reduce((a, r) => a + r.active.size, 0);
    const monitor = startMonitor({
      registry,
      builtins,
      thresholds,
      busyVus: busy,
      initializedVus: () => vus.length - 1,
      since: t0,
      onAbort: () => requestStop(EXIT.thresholds),
    });
    await Promise.all(
      ordered.map(async (s) => {
        const run = runs.get(s) as ScenarioRun;
        if (s.startTimeMs > 0 && (await waitUntil(t0 + s.startTimeMs, stop.signal))) return;
        run.start();
        await (EXECUTORS[s.executor] as (r: ScenarioRun, h: ExecutorHost) => Promise<void>)(
          run,
          host,
        );
      }),
    );
    monitor.stop();
    const testRunDurationMs = performance.now() - t0;
    opts.signal?.removeEventListener('abort', onSignal);
    await runLifecycle(
      main,
      'teardown',
      setupJson === undefined ? undefined : JSON.parse(setupJson),
    );

    const verdict = evaluateThresholds(thresholds, testRunDurationMs, testRunDurationMs, true);
    const summaryData = buildSummaryData({
      registry,
      thresholds,
      rootGroup: groups.root,
      trendStats,
      summaryTimeUnit: typeof options.summaryTimeUnit === 'string' ? options.summaryTimeUnit : '',
      testRunDurationMs,
      ...(lifecycle.defined
        ? { setupData: { value: setupJson === undefined ? null : JSON.parse(setupJson) } }
        : {}),
    });
    const finalCode = await finishRun({
      main,
      summaryData,
      runs: [...runs.values()],
      failedThresholds: verdict.failed,
      exitCode,
      quiet: opts.quiet === true,
      cwd,
      summaryExport: opts.summaryExport,
      elapsedMs: testRunDurationMs,
    });
    return { exitCode: finalCode, summaryData };
  } catch (err) {
    if (err instanceof RunnerError) throw err;
    throw new RunnerError(firstLine(err), EXIT.generic);
  } finally {
    for (const vu of vus) destroyVu(vu);
    setRuntime(undefined);
  }
}
