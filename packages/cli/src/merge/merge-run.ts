// `rota-perf merge`: the instances of one run (folders written by rota-perf, or k6 pods'
// `--out json` files) into one results folder: the script's results file, the merged series,
// run.json with each instance's share, and the HTML report.
import { join } from 'node:path';
import {
  parseScriptName,
  REPORT_FILE,
  type RunRecord,
  type ScriptName,
  scriptEntry,
  UsageError,
} from '@rota-perf/core';
import { planScript } from '@rota-perf/k6-scenarios';
import { writeReportSafely } from '../bench-run.js';
import type { RunContext } from '../context.js';
import { isBuilt } from '../outputs.js';
import { buildRunRecord } from '../record/build.js';
import { hostFacts, toolFacts } from '../record/host-facts.js';
import { fileEntry, plateauRpsOf, readOwnResults, writeRunRecord } from '../record/run-files.js';
import { newRunId } from '../record/run-start.js';
import { readSummaryFacts } from '../record/summary-export.js';
import { effectiveVariables, scriptProcessEnv } from '../record/variables.js';
import { scratchDir } from '../scratch-dir.js';
import { checkParts } from './check.js';
import { combineParts } from './combine.js';
import { type InstancePart, readParts } from './parts.js';

/** What to merge and where. */
export interface MergeRequest {
  inputs: string[];
  outDir: string;
  /** The script, for instances without a run.json (k6 pods); must match the records' otherwise. */
  script?: string;
  /** `-e` variables for instances without a run.json. */
  env: Record<string, string>;
  report: boolean;
}

const minMs = (xs: number[]) => Math.min(...xs.filter(Number.isFinite));
const maxMs = (xs: number[]) => Math.max(...xs.filter(Number.isFinite));

/**
 * The variables of the run: the instances' record, else those given (`-e`, as the pods ran);
 * the record shows them with the script's defaults filled in.
 */
function runVariables(script: ScriptName, first: InstancePart, given: Record<string, string>) {
  if (first.record) return { script: first.record.variables, record: first.record.variables };
  if (!given.BASE_URL)
    throw new UsageError(
      '-e BASE_URL=<url> is needed: the instances have no run.json, and the script reads the target it was run against at init',
    );
  const env = { ...scriptProcessEnv(script, {}), ...given };
  return {
    script: given,
    record: effectiveVariables(script, env, planScript(script, env).computed),
  };
}

/** Merges the instances; returns the exit code (the script's on the merged data). */
export async function mergeRun(request: MergeRequest, context: RunContext): Promise<number> {
  const parts = await readParts(request.inputs, context.cwd);
  const checked = checkParts(
    parts,
    request.script === undefined ? undefined : parseScriptName(request.script),
  );
  if (checked.script === null)
    throw new UsageError(
      '--script is needed: the instances have no run.json naming the script they ran (e.g. --script performance)',
    );
  const script = parseScriptName(checked.script);
  if (!isBuilt(script))
    throw new UsageError(
      `${scriptEntry(script).bundle} is missing: build first (pnpm --filter @rota-perf/k6-scenarios build)`,
    );
  for (const warning of checked.warnings) context.err(`rota-perf merge: warning: ${warning}`);
  const first = parts[0] as InstancePart;
  const variables = runVariables(script, first, request.env);
  const runId = newRunId(new Date());
  const scratch = await scratchDir('rota-perf-merge-');
  try {
    const summaryExport = join(scratch.path, 'summary-export.json');
    const combined = await combineParts(parts, {
      script,
      variables: variables.script,
      outDir: request.outDir,
      runId,
      summaryExport,
      signal: context.signal,
    });
    const resultsFile = join(request.outDir, scriptEntry(script).resultsFile);
    const results = await readOwnResults(resultsFile, runId);
    const records = parts.map((p) => p.record).filter((r): r is RunRecord => r !== null);
    const seriesStart = Date.parse(combined.series.started_at);
    const lastSecond = Math.max(0, ...combined.series.requests.map((r) => r.t + 1));
    const plan = planScript(script, variables.script);
    const record = buildRunRecord({
      runId,
      command: 'merge',
      script,
      startedAt: new Date(minMs([seriesStart, ...records.map((r) => Date.parse(r.started_at))])),
      endedAt: new Date(
        records.length > 0
          ? maxMs(records.map((r) => Date.parse(r.ended_at)))
          : seriesStart + lastSecond * 1000,
      ),
      tool: toolFacts(),
      host: first.record?.host ?? hostFacts(),
      engine: first.record?.engine ?? { kind: 'k6', version: 'unknown' },
      target: first.record?.target ?? null,
      variables: { ...variables.record, RUN_ID: runId, RESULTS_DIR: request.outDir },
      exitCode: combined.exitCode,
      interrupted: context.signal.aborted,
      summary: await readSummaryFacts(summaryExport),
      series: combined.series,
      phases: plan.phases,
      testStartMs: seriesStart,
      targetRps: plan.targetRps,
      plateauRps: plateauRpsOf(results),
      files: {
        results: results === null ? null : fileEntry(resultsFile),
        series: fileEntry(combined.seriesFile),
        memory_csv: null,
        report: request.report ? REPORT_FILE : null,
        ndjson: null,
        others: [],
      },
      notes: [
        `merged from ${parts.length} instance(s): ${parts.map((p) => p.id).join(', ')}`,
        ...checked.warnings,
        ...(first.record ? [] : ['host: the machine that merged (the instances recorded none)']),
      ],
      instances: combined.instances,
    });
    await writeRunRecord(request.outDir, record);
    if (request.report && (await writeReportSafely(request.outDir, context)) === null)
      await writeRunRecord(request.outDir, { ...record, files: { ...record.files, report: null } });
    context.out(
      `merged ${parts.length} instance(s) into ${request.outDir}: ${combined.instances
        .map((i) => `${i.id} ${i.segment} ${i.requests} requests (${Math.round(i.share * 100)} %)`)
        .join('; ')}; verdict ${record.verdict}`,
    );
    return combined.exitCode;
  } finally {
    await scratch.remove();
  }
}
