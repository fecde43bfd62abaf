// writeHtmlReport: folder of results -> one self-contained .html file (written atomically).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { MEMORY_CSV_SUFFIX, REPORT_FILE, RESULT_FILES } from '@rota-perf/core';
import { writeFileAtomically } from '@rota-perf/core/node';
import { hasAnyResults, readReportInputs, type TimelineMark } from './inputs.js';
import { renderHtmlReport } from './render.js';

/** Options of `writeHtmlReport`. */
export interface WriteHtmlReportOptions {
  /** Folder holding the results files (e.g. `performance`). */
  folder: string;
  /** Output path (default `<folder>/report.html`). */
  out?: string;
  title?: string;
  /** Extra markers on the memory timelines (seconds on the CSV's elapsed axis). */
  marks?: readonly TimelineMark[];
}

/** The Chart.js UMD build from the installed package (its exports map does not expose it). */
export async function readChartJsSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  const main = require.resolve('chart.js');
  return readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}

/** Builds the report from whichever results exist in the folder; returns the file's path. */
export async function writeHtmlReport(options: WriteHtmlReportOptions): Promise<string> {
  const folder = resolve(options.folder);
  const inputs = await readReportInputs(folder);
  if (!hasAnyResults(inputs)) {
    const names = [...RESULT_FILES.map((f) => f.file), `*${MEMORY_CSV_SUFFIX} (mem-monitor)`].join(
      ', ',
    );
    throw new Error(`no results in ${folder}: expected at least one of ${names}`);
  }
  const html = renderHtmlReport(inputs, {
    chartJs: await readChartJsSource(),
    generatedAt: new Date().toISOString(),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.marks === undefined ? {} : { marks: options.marks }),
  });
  return writeFileAtomically(resolve(options.out ?? join(folder, REPORT_FILE)), html);
}
