import type { EngineResult } from '../engine/engine.js';
import type { SummaryData } from '../summary/data.js';
import { writeSummaryExport } from '../summary/outputs.js';
import { formatTextSummary } from '../summary/text.js';
import { writeOut } from '../util/output.js';
import type { SupervisedOptions } from './supervise.js';

/**
 * The end of a test whose handleSummary() never returned: k6's text summary and the
 * --summary-export file, written by the supervisor from the data the engine had reported.
 */
export function summaryWithoutScript(
  input: { summaryData: SummaryData; exitCode: number },
  options: SupervisedOptions,
): EngineResult {
  writeOut(formatTextSummary(input.summaryData));
  if (options.summaryExport)
    writeSummaryExport(input.summaryData, options.summaryExport, options.cwd ?? process.cwd());
  return { exitCode: input.exitCode, summaryData: input.summaryData };
}
