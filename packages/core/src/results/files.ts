// The names of every file a run writes, defined here once: the results JSON of each tool, the
// memory CSV and the report. Everything that writes or reads them takes the names from here.

/** The results JSON files, by what they hold. */
export const RESULT_FILE = {
  /** performance.test.js: the endpoint benchmark. */
  load: 'results.json',
  /** rps_probe.test.js: the RPS ceiling step sweep. */
  rpsProbe: 'rps_results.json',
  /** progress_probe.test.js: the progress endpoints sweep. */
  progressProbe: 'progress_probe_results.json',
  /** `rota-perf probe --adaptive`: the adaptive ceiling search. */
  adaptiveProbe: 'adaptive_probe_results.json',
  /** progress_write.test.js: the progress write probe. */
  progressWrite: 'progress_write_results.json',
  /** db-bench `--json`: the repository benchmark. */
  dbBench: 'db_bench_results.json',
} as const;

/** A results JSON file name. */
export type ResultFileName = (typeof RESULT_FILE)[keyof typeof RESULT_FILE];

/** The layout a results file follows (its JSON Schema and the report section that shows it). */
export type ResultLayout = 'load' | 'sweep' | 'adaptive' | 'write' | 'db-bench';

/** What the report and the schema tests need to know about one results file. */
export interface ResultFileSpec {
  file: ResultFileName;
  layout: ResultLayout;
  /** Its JSON Schema, under `@rota-perf/core/schemas/`. */
  schema: string;
  /** Heading of its report section. */
  title: string;
}

const SCHEMA_OF_LAYOUT: Record<ResultLayout, string> = {
  load: 'load-results.schema.json',
  sweep: 'sweep-results.schema.json',
  adaptive: 'adaptive-results.schema.json',
  write: 'write-results.schema.json',
  'db-bench': 'db-bench-results.schema.json',
};

function spec(file: ResultFileName, layout: ResultLayout, title: string): ResultFileSpec {
  return { file, layout, schema: SCHEMA_OF_LAYOUT[layout], title };
}

/** Every results file, in the order the report shows them. */
export const RESULT_FILES: readonly ResultFileSpec[] = [
  spec(RESULT_FILE.load, 'load', 'Load test'),
  spec(RESULT_FILE.rpsProbe, 'sweep', 'RPS sweep'),
  spec(RESULT_FILE.progressProbe, 'sweep', 'Progress probe'),
  spec(RESULT_FILE.adaptiveProbe, 'adaptive', 'Adaptive ceiling search'),
  spec(RESULT_FILE.progressWrite, 'write', 'Progress write probe'),
  spec(RESULT_FILE.dbBench, 'db-bench', 'Database benchmark'),
];

/** The spec of a results file name, or undefined for any other name. */
export function resultFileSpec(file: string): ResultFileSpec | undefined {
  for (const s of RESULT_FILES) if (s.file === file) return s;
  return undefined;
}

/** The suffix of every memory CSV: `<run>_memory.csv`. */
export const MEMORY_CSV_SUFFIX = '_memory.csv';

/** The memory CSV of a run (`performance` → `performance_memory.csv`). */
export function memoryCsvName(run: string): string {
  return `${run}${MEMORY_CSV_SUFFIX}`;
}

/** The HTML report written into a results folder. */
export const REPORT_FILE = 'report.html';
