// The run record (run.json) of a results folder, built from what the orchestrator knows once
// the engine is done: the plan, the summary export, the series, the results file. Pure.
import {
  EXIT_CODES,
  RUN_RECORD_VERSION,
  type RunPhase,
  type RunRecord,
  type RunSeries,
  type RunVerdict,
  urlWithoutCredentials,
} from '@rota-perf/core';
import type { SummaryFacts } from './summary-export.js';

/** Everything a record is made of. */
export interface RunRecordInput {
  runId: string;
  command: string;
  script: string | null;
  startedAt: Date;
  endedAt: Date;
  tool: RunRecord['tool'];
  host: RunRecord['host'];
  engine: RunRecord['engine'];
  target: RunRecord['target'];
  variables: Record<string, string>;
  exitCode: number;
  interrupted: boolean;
  summary: SummaryFacts | null;
  series: RunSeries | null;
  /** The plan's phases, in seconds from the test start (bucket 0 of the series). */
  phases: RunPhase[];
  /** When the test started (epoch ms); phases are moved onto the record's clock with it. */
  testStartMs: number | null;
  /** The planned total rate (plateau), when the script has one. */
  targetRps: number | null;
  /** `steady_state_rps` / `observed_rps_plateau` of the results file. */
  plateauRps: number | null;
  /** The achieved rate when the caller knows it better (else the summary's, else the series'). */
  achievedRps?: number | null;
  files: RunRecord['files'];
  notes: string[];
  /** The instances a merged run was made of (none for a run of one instance). */
  instances?: RunRecord['instances'];
}

/** The target as the record shows it: without credentials, the fixture of an embedded one. */
export function targetFacts(
  target: { url: string; embedded: boolean } | null,
  fixture: string,
): RunRecord['target'] {
  if (target === null) return null;
  return {
    url: urlWithoutCredentials(target.url),
    embedded: target.embedded,
    ...(target.embedded ? { fixture } : {}),
  };
}

/** How a run ended, from its exit code. */
export function verdictOf(exitCode: number, interrupted: boolean): RunVerdict {
  if (interrupted || exitCode === EXIT_CODES.externalAbort) return 'interrupted';
  if (exitCode === EXIT_CODES.ok) return 'passed';
  if (exitCode === EXIT_CODES.thresholds) return 'thresholds-crossed';
  return 'failed';
}

/** Requests by status code over the whole series. */
export function statusCodesOf(series: RunSeries): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const row of series.requests) {
    for (const [code, n] of Object.entries(row.status)) codes[code] = (codes[code] ?? 0) + n;
  }
  return codes;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function achievedRps(input: RunRecordInput): number | null {
  if (input.achievedRps !== undefined)
    return input.achievedRps === null ? null : round(input.achievedRps);
  if (input.summary?.requestRate != null) return round(input.summary.requestRate);
  const series = input.series;
  if (!series || series.seconds.length + series.requests.length === 0) return null;
  const seconds = Math.max(1, ...series.requests.map((r) => r.t + 1));
  return round(series.requests.reduce((n, r) => n + r.requests, 0) / seconds);
}

/** The run.json document. */
export function buildRunRecord(input: RunRecordInput): RunRecord {
  const offset =
    input.testStartMs === null ? 0 : (input.testStartMs - input.startedAt.getTime()) / 1000;
  const notes = [...input.notes];
  if (input.series === null)
    notes.push('no per-second series: status codes and dropped iterations from the summary only');
  if (input.summary === null)
    notes.push('the engine wrote no end-of-test summary: thresholds and checks unknown');
  const dropped = input.series
    ? input.series.scenarios.reduce((n, r) => n + r.dropped_iterations, 0)
    : (input.summary?.droppedIterations ?? 0);
  return {
    version: RUN_RECORD_VERSION,
    run_id: input.runId,
    tool: input.tool,
    command: input.command,
    script: input.script,
    started_at: input.startedAt.toISOString(),
    ended_at: input.endedAt.toISOString(),
    duration_seconds: round((input.endedAt.getTime() - input.startedAt.getTime()) / 1000),
    engine: input.engine,
    target: input.target,
    variables: input.variables,
    host: input.host,
    exit_code: input.exitCode,
    interrupted: input.interrupted,
    verdict: verdictOf(input.exitCode, input.interrupted),
    thresholds: input.summary?.thresholds ?? [],
    checks: input.summary?.checks ?? [],
    status_codes: input.series ? statusCodesOf(input.series) : {},
    dropped_iterations: dropped,
    rate: {
      target_rps: input.targetRps,
      achieved_rps: achievedRps(input),
      plateau_rps: input.plateauRps === null ? null : round(input.plateauRps),
    },
    files: input.files,
    phases: input.phases.map((p) => ({
      ...p,
      start_seconds: round(Math.max(0, p.start_seconds + offset)),
      end_seconds: round(Math.max(0, p.end_seconds + offset)),
    })),
    instances: input.instances ?? [],
    notes,
  };
}

/**
 * The record of a command that went on after its bundle run (`start`: db-bench, report): its
 * end, exit code and extra files. A verdict the command turned into a warning stays as it was.
 */
export function recordWithEnd(
  record: RunRecord,
  end: {
    endedAt: Date;
    exitCode: number;
    interrupted: boolean;
    files: Partial<RunRecord['files']>;
    notes?: string[];
  },
): RunRecord {
  const verdict = verdictOf(end.exitCode, end.interrupted);
  const kept = verdict === 'passed' && record.verdict === 'thresholds-crossed';
  return {
    ...record,
    ended_at: end.endedAt.toISOString(),
    duration_seconds: round((end.endedAt.getTime() - Date.parse(record.started_at)) / 1000),
    exit_code: end.exitCode,
    interrupted: end.interrupted,
    verdict: kept ? record.verdict : verdict,
    files: { ...record.files, ...end.files },
    notes: [...record.notes, ...(end.notes ?? [])],
  };
}
