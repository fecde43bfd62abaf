// The HTML report of a results folder, through report-formatter's writer.
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DB_BENCH_FILE = 'db_bench_results.json';

/** Writes `<folder>/report.html` (or `out`); returns its path. */
export async function writeReport(folder: string, out?: string, title?: string): Promise<string> {
  const { writeHtmlReport } = await import('@rota-perf/report-formatter/html');
  const options = {
    ...(out === undefined ? {} : { out: resolve(out) }),
    ...(title === undefined ? {} : { title }),
  };
  const cases = await dbBenchCases(folder);
  if (cases === null) return writeHtmlReport({ folder, ...options });
  // db-bench writes an object ({ cases, aggregate, environment, … }) while the report reads
  // the original's top-level array: hand the report a staged copy with the array.
  const staged = await mkdtemp(join(tmpdir(), 'rota-perf-report-'));
  try {
    for (const name of await readdir(folder)) {
      if (name === DB_BENCH_FILE || !/\.(json|csv)$/.test(name)) continue;
      await copyFile(join(folder, name), join(staged, name));
    }
    await writeFile(join(staged, DB_BENCH_FILE), JSON.stringify(cases));
    return await writeHtmlReport({
      folder: staged,
      out: options.out ?? join(resolve(folder), 'report.html'),
      ...(title === undefined ? {} : { title }),
    });
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

// The cases array when db_bench_results.json has db-bench's object layout, else null.
async function dbBenchCases(folder: string): Promise<unknown[] | null> {
  let text: string;
  try {
    text = await readFile(join(folder, DB_BENCH_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const cases = (value as { cases?: unknown }).cases;
      if (Array.isArray(cases)) return cases;
    }
  } catch {
    // Malformed: let the report writer name the file and the problem.
  }
  return null;
}
