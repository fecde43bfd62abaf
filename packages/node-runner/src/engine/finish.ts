import { resolve } from 'node:path';
import { EXIT } from '../errors.js';
import type { ScenarioRun } from '../executors/host.js';
import { als, type IterationContext, type VuState } from '../runtime/state.js';
import type { SummaryData } from '../summary/data.js';
import { toSummaryExport } from '../summary/export.js';
import { writeFileAtomic, writeSummaryOutputs } from '../summary/outputs.js';
import { formatTextSummary } from '../summary/text.js';
import { formatDurationShort } from '../util/duration.js';
import { logLine } from '../util/logfmt.js';
import { describeScenario } from './banner.js';
import { describeError } from './iteration.js';

/** What the end of a run needs. */
export interface FinishInput {
  main: VuState;
  summaryData: SummaryData;
  runs: ScenarioRun[];
  failedThresholds: string[];
  exitCode: number;
  quiet: boolean;
  cwd: string;
  summaryExport: string | undefined;
  elapsedMs: number;
}

function progressLines(input: FinishInput): string {
  const complete = input.runs.reduce((a, r) => a + r.completed, 0);
  const interrupted = input.runs.reduce((a, r) => a + r.interrupted, 0);
  const vus = input.runs.reduce((a, r) => a + r.vus.length, 0);
  const s = input.elapsedMs / 1000;
  const clock = `${String(Math.floor(s / 60)).padStart(2, '0')}m${(s % 60).toFixed(1).padStart(4, '0')}s`;
  const lines = [
    `running (${clock}), 0/${vus} VUs, ${complete} complete and ${interrupted} interrupted iterations`,
  ];
  for (const r of input.runs) lines.push(`${r.cfg.name} ✓ [ 100% ] ${describeScenario(r.cfg)}`);
  void formatDurationShort;
  return `${lines.join('\n')}\n`;
}

/** handleSummary (or k6's text summary), --summary-export, threshold verdict → final exit code. */
export async function finishRun(input: FinishInput): Promise<number> {
  const { main, summaryData } = input;
  if (!input.quiet) process.stderr.write(progressLines(input));
  const handle = main.exports.handleSummary;
  let handled = false;
  if (typeof handle === 'function') {
    const ctx: IterationContext = {
      vu: main,
      scenario: null,
      iterationInScenario: 0,
      iterationInTest: 0,
      groupPath: '',
      tags: {},
      cancelled: true,
      stage: 'summary',
    };
    try {
      // The script gets its own copy: it may mutate what it is handed.
      const outputs = await als.run(ctx, () => handle(JSON.parse(JSON.stringify(summaryData))));
      writeSummaryOutputs(outputs, input.cwd);
      handled = true;
    } catch (err) {
      logLine('error', `failed to handle the end-of-test summary: ${describeError(err)}`);
    }
  }
  if (!handled) process.stdout.write(formatTextSummary(summaryData));
  if (input.summaryExport) {
    writeFileAtomic(
      resolve(input.cwd, input.summaryExport),
      `${JSON.stringify(toSummaryExport(summaryData), null, 4)}\n`,
    );
  }
  let code = input.exitCode;
  if (input.failedThresholds.length > 0) {
    logLine(
      'error',
      `thresholds on metrics '${input.failedThresholds.join(', ')}' have been crossed`,
    );
    if (code === EXIT.ok) code = EXIT.thresholds;
  }
  return code;
}
