// The HTML report of a results folder, through report-formatter's writer.
import { resolve } from 'node:path';

/** Writes `<folder>/report.html` (or `out`); returns its path. */
export async function writeReport(folder: string, out?: string): Promise<string> {
  const { writeHtmlReport } = await import('@rota-perf/report-formatter/html');
  return writeHtmlReport({ folder, ...(out === undefined ? {} : { out: resolve(out) }) });
}
