// The start of a recorded bundle run: its id (also the script's RUN_ID), the host as it was
// at the start, the script's plan from its effective variables (a malformed one stops here,
// before a target is started), live progress, and the record written once it ended.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createRunId,
  type RunRecord,
  type ScriptName,
  scheduleOf,
  targetRates,
} from '@rota-perf/core';
import { planScript } from '@rota-perf/k6-scenarios';
import type { RunContext } from '../context.js';
import { describeEngine, type Engine, type EngineOutcome } from '../engine.js';
import {
  type LiveProgress,
  liveProgress,
  type ProgressSettings,
  progressPlanOf,
} from '../progress/live.js';
import { scratchDir } from '../scratch-dir.js';
import type { Target } from '../target.js';
import { buildRunRecord, targetFacts } from './build.js';
import { hostFacts, toolFacts } from './host-facts.js';
import { fileEntry, writeRunRecord } from './run-files.js';
import { readSummaryFacts } from './summary-export.js';
import { effectiveVariables, scriptProcessEnv } from './variables.js';

/** What a run needs to start. */
export interface RunStartInput {
  command: string;
  script: ScriptName;
  env: Record<string, string>;
  outDir: string;
  fixture: 'small' | 'large';
  progress: ProgressSettings;
}

/** How the run ended, for its record (file paths absolute or null). */
export interface RunEnd {
  exitCode: number;
  interrupted: boolean;
  target: Target | null;
  outcome: EngineOutcome;
  /** When the engine was started: the test start's stand-in when the engine did not say. */
  engineStartMs: number | null;
  plateauRps: number | null;
  files: Record<'results' | 'series' | 'memory_csv' | 'report' | 'ndjson', string | null>;
  others?: string[];
  notes?: string[];
}

/** A started run. */
export interface StartedRun {
  runId: string;
  startedAt: Date;
  /** The script's variables: `-e` values plus RESULTS_DIR and RUN_ID. */
  env: Record<string, string>;
  summaryExport: string;
  targetRate: (scenario: string, t: number) => number | null;
  live: LiveProgress;
  /** Builds run.json from the end of the run, writes it, cleans up; returns it. */
  record(end: RunEnd): Promise<RunRecord>;
  /** Cleans up without a record (the run failed before it ran). */
  dispose(): Promise<void>;
}

/** A new run id: the start time and a random suffix. */
export function newRunId(startedAt: Date): string {
  return createRunId(startedAt, randomBytes(2).toString('hex'));
}

/** What a run notes as it starts: the time, the id made from it, and the host as it is then. */
export function runOpening(): { startedAt: Date; runId: string; host: RunRecord['host'] } {
  const startedAt = new Date();
  return { startedAt, runId: newRunId(startedAt), host: hostFacts() };
}

/** Starts a run of `input.script` with `engine`. */
export async function beginRun(
  input: RunStartInput,
  engine: Engine,
  context: RunContext,
): Promise<StartedRun> {
  const { startedAt, runId, host } = runOpening();
  const env = { ...input.env, RESULTS_DIR: input.outDir, RUN_ID: runId };
  const given = { ...scriptProcessEnv(input.script, context.env), ...env };
  const plan = planScript(input.script, given);
  const engineFacts = await describeEngine(engine);
  const scratch = await scratchDir('rota-perf-run-');
  const dispose = () => scratch.remove();
  const live = liveProgress(
    progressPlanOf(`${input.command} ${input.script}`, plan),
    context,
    input.progress,
  );
  const summaryExport = join(scratch.path, 'summary-export.json');
  return {
    runId,
    startedAt,
    env,
    summaryExport,
    live,
    targetRate: targetRates(scheduleOf(plan.scenarios)),
    dispose,
    async record(end) {
      const summary = await readSummaryFacts(summaryExport);
      await dispose();
      const record = buildRunRecord({
        runId,
        command: input.command,
        script: input.script,
        startedAt,
        endedAt: new Date(),
        tool: toolFacts(),
        host,
        engine: engineFacts,
        target: targetFacts(end.target, input.fixture),
        variables: effectiveVariables(
          input.script,
          { ...given, ...(end.target ? { BASE_URL: end.target.url } : {}) },
          plan.computed,
        ),
        exitCode: end.exitCode,
        interrupted: end.interrupted,
        summary,
        series: end.outcome.series,
        phases: plan.phases,
        testStartMs: end.outcome.testStartMs ?? end.engineStartMs,
        targetRps: plan.targetRps,
        plateauRps: end.plateauRps,
        files: {
          results: fileEntry(end.files.results),
          series: fileEntry(end.files.series),
          memory_csv: fileEntry(end.files.memory_csv),
          report: fileEntry(end.files.report),
          ndjson: fileEntry(end.files.ndjson),
          others: (end.others ?? []).map((f) => fileEntry(f) as string),
        },
        instances: end.outcome.instances ?? [],
        notes: [
          ...(end.notes ?? []),
          ...(end.outcome.testStartMs === null && end.engineStartMs !== null
            ? [
                'phases placed from the engine start (setup included): the engine gave no test start',
              ]
            : []),
        ],
      });
      await writeRunRecord(input.outDir, record);
      return record;
    },
  };
}
