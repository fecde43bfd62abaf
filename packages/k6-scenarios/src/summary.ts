// handleSummary plumbing shared by the scripts: colour decision and the outputs map.
import type { K6SummaryData } from '@rota-perf/core';

/** Colour only on a terminal, and never with NO_COLOR or k6's --no-color. */
export function useColor(data: K6SummaryData, env: Record<string, string | undefined>): boolean {
  return data.state.isStdOutTTY && !data.options.noColor && !env.NO_COLOR;
}

/** k6's handleSummary return value: the console text plus each JSON file (indent 2). */
export function summaryOutputs(
  text: string,
  resultsDir: string,
  files: Record<string, unknown>,
): Record<string, string> {
  const outputs: Record<string, string> = { stdout: text.endsWith('\n') ? text : `${text}\n` };
  for (const name of Object.keys(files)) {
    outputs[`${resultsDir}/${name}`] = `${JSON.stringify(files[name], null, 2)}\n`;
  }
  return outputs;
}
