// handleSummary plumbing shared by the scripts: colour decision and the outputs map.
import type { K6SummaryData } from '@rota-perf/core';
import type { SummarySettings } from './script-settings.js';

/** Colour only on a terminal, and never with NO_COLOR or k6's --no-color. */
export function useColor(data: K6SummaryData, env: Record<string, string | undefined>): boolean {
  return data.state.isStdOutTTY && !data.options.noColor && !env.NO_COLOR;
}

/**
 * k6's handleSummary return value: the console text (unless SUMMARY_STDOUT=false) plus each
 * JSON file (indent 2) in RESULTS_DIR, stamped with the run id rota-perf passed as RUN_ID
 * (null when the script runs on its own), so a report never mixes files of different runs.
 * The settings were read at init: a value read only here would fail after the whole test ran.
 */
export function summaryOutputs(
  text: string,
  settings: SummarySettings,
  files: Record<string, object>,
): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (settings.stdout) outputs.stdout = text.endsWith('\n') ? text : `${text}\n`;
  for (const name of Object.keys(files)) {
    const doc = { run_id: settings.runId, ...files[name] };
    outputs[`${settings.resultsDir}/${name}`] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return outputs;
}
