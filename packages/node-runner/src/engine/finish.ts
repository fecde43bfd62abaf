import { EXIT } from '../errors.js';
import type { ScenarioRun } from '../executors/host.js';
import type { ScenarioShare } from '../options/scenario-share.js';
import type { ScenarioConfig } from '../options/scenarios.js';
import type { IterationContext, VuState } from '../runtime/state.js';
import { enter } from '../runtime/vu-context.js';
import { buildSummaryData, type SummaryData } from '../summary/data.js';
import { writeSummaryExport, writeSummaryOutputs } from '../summary/outputs.js';
import { formatTextSummary } from '../summary/text.js';
import { evaluateThresholds } from '../thresholds/evaluate.js';
import { logLine } from '../util/logfmt.js';
import { writeErr, writeOut } from '../util/output.js';
import { describeScenario } from './banner.js';
import type { EngineOptions, EngineResult } from './engine.js';
import { describeError } from './iteration.js';
import { runLifecycle } from './lifecycle.js';
import type { OpenRun } from './open.js';
import { finishRecording, flushRecording } from './recording.js';
import { HANDLE_SUMMARY_TIMEOUT_MS, type RunSnapshot, type ScenarioTally } from './reporter.js';

/** A scenario's counts for the progress lines, from a live run or from a snapshot. */
export function tallyOf(run: ScenarioRun): ScenarioTally {
  return {
    name: run.cfg.name,
    completed: run.completed,
    interrupted: run.interrupted,
    active: run.active.size,
    vus: run.vus.length,
  };
}

/** How the test part of a run ended: what teardown and the summary need. */
export interface CloseInput {
  setup: { defined: boolean; json: string | undefined };
  tallies: ScenarioTally[];
  testRunDurationMs: number;
  exitCode: number;
  runTeardown: boolean;
}

/** teardown(), summary data, handleSummary (or the text summary), --summary-export, exit code. */
export async function closeRun(
  open: OpenRun,
  input: CloseInput,
  opts: Pick<EngineOptions, 'quiet' | 'summaryExport' | 'reporter'>,
): Promise<EngineResult> {
  const { rt, main } = open;
  let code = input.exitCode;
  const setupValue = () => (input.setup.json === undefined ? null : JSON.parse(input.setup.json));
  if (input.runTeardown) {
    flushRecording(rt, opts.reporter);
    const snapshot: RunSnapshot = {
      metrics: rt.registry.snapshot(),
      rootGroup: rt.groups.root,
      scenarios: input.tallies,
      elapsedMs: input.testRunDurationMs,
      exitCode: code,
      ...(rt.outputs ? { outputs: rt.outputs.resumePoint() } : {}),
    };
    opts.reporter?.phase({
      name: 'teardown',
      timeoutMs: open.teardownTimeoutMs,
      snapshot,
      testRunDurationMs: input.testRunDurationMs,
    });
    const teardown = await runLifecycle(
      main,
      'teardown',
      input.setup.json === undefined ? undefined : setupValue(),
    );
    // k6 ends a run whose teardown threw with the script's exception (exit code 107).
    if (teardown.failed && code === EXIT.ok) code = EXIT.scriptException;
  }
  const duration = input.testRunDurationMs;
  const verdict = evaluateThresholds(open.thresholds, duration, duration, true);
  const summaryData = buildSummaryData({
    registry: rt.registry,
    thresholds: open.thresholds,
    rootGroup: rt.groups.root,
    trendStats: open.trendStats,
    summaryTimeUnit:
      typeof open.options.summaryTimeUnit === 'string' ? open.options.summaryTimeUnit : '',
    testRunDurationMs: duration,
    ...(input.setup.defined ? { setupData: { value: setupValue() } } : {}),
  });
  // Series and outputs end with exactly the samples the summary counts.
  finishRecording(rt, opts.reporter);
  if (verdict.failed.length > 0 && code === EXIT.ok) code = EXIT.thresholds;
  if (!opts.quiet) writeErr(progressLines(open.scenarios, open.shares, input.tallies, duration));
  opts.reporter?.phase({
    name: 'summary',
    timeoutMs: HANDLE_SUMMARY_TIMEOUT_MS,
    summaryData,
    exitCode: code,
  });
  await handleSummary(main, summaryData, open.cwd);
  if (opts.summaryExport) writeSummaryExport(summaryData, opts.summaryExport, open.cwd);
  if (verdict.failed.length > 0)
    logLine('error', `thresholds on metrics '${verdict.failed.join(', ')}' have been crossed`);
  return { exitCode: code, summaryData };
}

function progressLines(
  scenarios: readonly ScenarioConfig[],
  shares: ReadonlyMap<ScenarioConfig, ScenarioShare>,
  tallies: readonly ScenarioTally[],
  elapsedMs: number,
): string {
  const complete = tallies.reduce((a, r) => a + r.completed, 0);
  const interrupted = tallies.reduce((a, r) => a + r.interrupted, 0);
  const vus = tallies.reduce((a, r) => a + r.vus, 0);
  const s = elapsedMs / 1000;
  const clock = `${String(Math.floor(s / 60)).padStart(2, '0')}m${(s % 60).toFixed(1).padStart(4, '0')}s`;
  const lines = [
    `running (${clock}), 0/${vus} VUs, ${complete} complete and ${interrupted} interrupted iterations`,
  ];
  for (const t of tallies) {
    const cfg = scenarios.find((c) => c.name === t.name);
    const share = cfg && shares.get(cfg);
    if (cfg && share) lines.push(`${cfg.name} ✓ [ 100% ] ${describeScenario(cfg, share)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** handleSummary(data) and its outputs; without one (or when it fails) k6's text summary. */
async function handleSummary(main: VuState, summaryData: SummaryData, cwd: string): Promise<void> {
  const handle = main.exports.handleSummary;
  if (typeof handle === 'function') {
    const ctx: IterationContext = {
      vu: main,
      scenario: null,
      iterationInScenario: 0,
      iterationInTest: 0,
      groupPath: '',
      tags: {},
      cancelled: true,
      sent: 0,
      received: 0,
      stage: 'summary',
    };
    let outputs: unknown;
    try {
      // The script gets its own copy: it may mutate what it is handed.
      enter(main, ctx);
      outputs = await handle(JSON.parse(JSON.stringify(summaryData)));
    } catch (err) {
      logLine('error', `failed to handle the end-of-test summary: ${describeError(err)}`);
      writeOut(formatTextSummary(summaryData));
      return;
    }
    writeSummaryOutputs(outputs, cwd);
    return;
  }
  writeOut(formatTextSummary(summaryData));
}
