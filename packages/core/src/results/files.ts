// The files a run writes: the results JSON of each tool (a script's name is in its registry
// entry, the others here), the memory CSV and the report. Everything that writes or reads them
// takes the names from here.
import { SCRIPTS } from '../registry/scripts.js';
import type { ResultLayout } from './layout.js';

export type { ResultLayout };

/** The results files that no k6 script writes (each script's is in its registry entry). */
export const RESULT_FILE = {
  /** `rota-perf probe --adaptive`: the adaptive ceiling search. */
  adaptiveProbe: 'adaptive_probe_results.json',
  /** db-bench `--json`: the repository benchmark. */
  dbBench: 'db_bench_results.json',
  /** What PostgreSQL recorded during a load run (statements per route, waits): pg-insights. */
  databaseInsights: 'database_insights.json',
  /** `rota-perf compare`: the candidate against a baseline (written into the candidate's folder). */
  comparison: 'comparison.json',
} as const;

/** A results JSON file name: a script's, or one of RESULT_FILE. */
export type ResultFileName =
  | (typeof SCRIPTS)[number]['resultsFile']
  | (typeof RESULT_FILE)[keyof typeof RESULT_FILE];

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
  database: 'database-insights.schema.json',
};

function spec(file: ResultFileName, layout: ResultLayout, title: string): ResultFileSpec {
  return { file, layout, schema: SCHEMA_OF_LAYOUT[layout], title };
}

/** Every results file, in the order the report shows them: the scripts', then the others. */
export const RESULT_FILES: readonly ResultFileSpec[] = [
  ...SCRIPTS.map((s) => spec(s.resultsFile, s.resultsLayout, s.reportTitle)),
  spec(RESULT_FILE.adaptiveProbe, 'adaptive', 'Adaptive ceiling search'),
  spec(RESULT_FILE.dbBench, 'db-bench', 'Database benchmark'),
  spec(RESULT_FILE.databaseInsights, 'database', 'Database'),
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

/**
 * The JSON Schemas of the files written beside the results (`run.json`, series, and `compare`'s
 * comparison.json): they have no report section of their own layout.
 */
export const RECORD_SCHEMA = {
  runRecord: 'run-record.schema.json',
  series: 'series.schema.json',
  comparison: 'comparison.schema.json',
} as const;

/** The schema file of any file the kit writes (results, `run.json`, a series), or undefined. */
export function schemaFileOf(file: string): string | undefined {
  if (file === 'run.json') return RECORD_SCHEMA.runRecord;
  if (file === RESULT_FILE.comparison) return RECORD_SCHEMA.comparison;
  if (file.endsWith('_series.json')) return RECORD_SCHEMA.series;
  return resultFileSpec(file)?.schema;
}
