import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT, RunnerError } from '../errors.js';
import { registerK6Hooks } from '../loader/register.js';
import { defineBuiltins } from '../metrics/builtin.js';
import { MetricRegistry } from '../metrics/registry.js';
import { resolveShare } from '../options/execution.js';
import { type ScenarioShare, shareScenario } from '../options/scenario-share.js';
import { resolveScenarios, type ScenarioConfig } from '../options/scenarios.js';
import { type Share, WHOLE_TEST } from '../options/striping.js';
import { installGlobals } from '../runtime/globals.js';
import { GroupTree } from '../runtime/groups.js';
import { type Runtime, setRuntime, type VuState } from '../runtime/state.js';
import { bindThresholds, type ThresholdSet } from '../thresholds/evaluate.js';
import { parseDuration } from '../util/duration.js';
import { installConsole, logLine } from '../util/logfmt.js';
import type { EngineOptions } from './engine.js';
import { stopOutputs } from './recording.js';
import { createVu, destroyVu } from './vu.js';

/** A script loaded in this thread: the runtime, VU 0 and the options it exported. */
export interface OpenRun {
  rt: Runtime;
  main: VuState;
  /** Every VU created so far (VU 0 first); closed by `closeVus`. */
  vus: VuState[];
  options: Record<string, unknown>;
  scenarios: ScenarioConfig[];
  /** This instance's part of the test (all of it without --execution-segment). */
  share: Share;
  /** The segment as k6 prints it (`1/3:2/3`; `0:1` without one). */
  segmentLabel: string;
  /** What this instance owns of each scenario. */
  shares: Map<ScenarioConfig, ScenarioShare>;
  thresholds: ThresholdSet[];
  trendStats: string[];
  setupTimeoutMs: number;
  teardownTimeoutMs: number;
  cwd: string;
  scriptUrl: string;
  /** Aborted when the test must stop scheduling (signal, test.abort(), abortOnFail). */
  stop: AbortSignal;
  /** The exit code so far; the first stop request decides it. */
  readonly exitCode: number;
  requestStop(code: number): void;
}

export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** Loads the script as VU 0 (init code runs), reads its options and binds its thresholds. */
export async function openRun(scriptPath: string, opts: EngineOptions): Promise<OpenRun> {
  const cwd = opts.cwd ?? process.cwd();
  const file = resolve(cwd, scriptPath);
  if (!existsSync(file))
    throw new RunnerError(`script not found: ${file} (expected a path to a k6 script)`, EXIT.usage);
  registerK6Hooks();
  installGlobals();
  installConsole();
  const registry = new MetricRegistry();
  const stop = new AbortController();
  let exitCode: number = EXIT.ok;
  const requestStop = (code: number) => {
    if (stop.signal.aborted) return;
    exitCode = code;
    stop.abort();
  };
  const rt: Runtime = {
    registry,
    builtins: defineBuiltins(registry),
    groups: new GroupTree(),
    env: { ...(process.env as Record<string, string>), ...(opts.env ?? {}) },
    scriptDir: dirname(file),
    userAgent: 'k6/0.49.0 (https://k6.io/)',
    maxRedirects: 10,
    insecureSkipTLSVerify: false,
    discardResponseBodies: false,
    expectedStatus: (s) => s >= 200 && s < 400,
    testStartEpoch: Date.now(),
    series: null,
    outputs: null,
    abortTest: (reason, code) => {
      if (!stop.signal.aborted) logLine('error', reason);
      requestStop(code);
    },
  };
  setRuntime(rt);
  const scriptUrl = pathToFileURL(file).href;
  let main: VuState;
  try {
    main = await createVu(0, scriptUrl, undefined);
  } catch (err) {
    setRuntime(undefined);
    if (err instanceof RunnerError) throw err;
    throw new RunnerError(firstLine(err), EXIT.scriptException);
  }
  const run: OpenRun = {
    rt,
    main,
    vus: [main],
    options: {},
    scenarios: [],
    share: WHOLE_TEST,
    segmentLabel: '0:1',
    shares: new Map(),
    thresholds: [],
    trendStats: [],
    setupTimeoutMs: 0,
    teardownTimeoutMs: 0,
    cwd,
    scriptUrl,
    stop: stop.signal,
    get exitCode() {
      return exitCode;
    },
    requestStop,
  };
  try {
    applyOptions(run, (main.exports.options ?? {}) as Record<string, unknown>, opts);
  } catch (err) {
    closeVus(run);
    throw err;
  }
  return run;
}

function applyOptions(run: OpenRun, options: Record<string, unknown>, opts: EngineOptions): void {
  const { rt, main } = run;
  run.options = options;
  ({ share: run.share, label: run.segmentLabel } = resolveShare(opts, options));
  if (typeof options.userAgent === 'string') rt.userAgent = options.userAgent;
  if (typeof options.maxRedirects === 'number') rt.maxRedirects = options.maxRedirects;
  rt.insecureSkipTLSVerify = options.insecureSkipTLSVerify === true;
  rt.discardResponseBodies = options.discardResponseBodies === true;
  run.scenarios = resolveScenarios(options);
  for (const s of run.scenarios) run.shares.set(s, shareScenario(s, run.share));
  for (const s of run.scenarios) {
    if (typeof main.exports[s.exec] !== 'function') {
      throw new RunnerError(
        `scenario '${s.name}': function '${s.exec}' is not exported by the script`,
        EXIT.invalidConfig,
      );
    }
  }
  run.thresholds = bindThresholds(rt.registry, options.thresholds);
  run.trendStats = Array.isArray(options.summaryTrendStats)
    ? options.summaryTrendStats.map(String)
    : ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
  // k6's defaults: 60 s each (lib/options.go).
  run.setupTimeoutMs =
    options.setupTimeout === undefined
      ? 60_000
      : parseDuration(options.setupTimeout, 'setupTimeout');
  run.teardownTimeoutMs =
    options.teardownTimeout === undefined
      ? 60_000
      : parseDuration(options.teardownTimeout, 'teardownTimeout');
}

/** Closes the output files and every VU's connections, and releases the runtime. */
export function closeVus(run: OpenRun): void {
  stopOutputs(run.rt);
  for (const vu of run.vus) destroyVu(vu);
  setRuntime(undefined);
}
