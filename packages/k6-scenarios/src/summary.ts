// handleSummary plumbing shared by the scripts: colour decision and the outputs map.
import {
  type EnvMap,
  type K6SummaryData,
  readBoolean,
  readRaw,
  SHARED_DEFAULTS,
} from '@rota-perf/core';
import { readResultsDir } from './env.js';

/** Colour only on a terminal, and never with NO_COLOR or k6's --no-color. */
export function useColor(data: K6SummaryData, env: Record<string, string | undefined>): boolean {
  return data.state.isStdOutTTY && !data.options.noColor && !env.NO_COLOR;
}

/**
 * k6's handleSummary return value: the console text (unless SUMMARY_STDOUT=false) plus each
 * JSON file (indent 2) in RESULTS_DIR, stamped with the run id rota-perf passed as RUN_ID
 * (null when the script runs on its own), so a report never mixes files of different runs.
 */
export function summaryOutputs(
  text: string,
  env: EnvMap,
  files: Record<string, object>,
): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (readBoolean(env, 'SUMMARY_STDOUT', SHARED_DEFAULTS.SUMMARY_STDOUT)) {
    outputs.stdout = text.endsWith('\n') ? text : `${text}\n`;
  }
  const resultsDir = readResultsDir(env);
  const runId = readRaw(env, 'RUN_ID') ?? null;
  for (const name of Object.keys(files)) {
    const doc = { run_id: runId, ...files[name] };
    outputs[`${resultsDir}/${name}`] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return outputs;
}
