// Finds and reads whichever results files a run folder holds: the list comes from the core
// (RESULT_FILES), so a results file added there is looked for here too. Node only.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AdaptiveResultsJson,
  COMPARISON_VERSION,
  type ComparisonJson,
  type DatabaseInsightsJson,
  type DbBenchAggregate,
  type DbBenchJsonCase,
  type LoadResultsJson,
  MEMORY_CSV_COLUMNS,
  type MemorySample,
  parseMemoryCsv,
  RESULT_FILE,
  RESULT_FILES,
  type ResultFileSpec,
  type ResultLayout,
  type RunRecord,
  type SweepResultsJson,
  type WriteResultsJson,
} from '@rota-perf/core';
import {
  type ForeignFile,
  foreignReason,
  modifiedMs,
  pickSeries,
  readJson,
  readRunRecord,
  runIdOf,
  type SeriesInput,
} from './run-inputs.js';
import { firstSchemaViolation } from './validate.js';

/** A vertical marker on a time axis (the start of a phase or of a sweep level). */
export interface TimelineMark {
  atSeconds: number;
  label: string;
  /** Phases (warm-up, plateau…) and levels are drawn in different colours. */
  kind?: 'phase' | 'level';
}

/** The samples of one mem-monitor CSV. */
export interface MemoryInput {
  file: string;
  samples: MemorySample[];
}

/** db-bench's cases, and its Overall block when the file holds one (the original's did not). */
export interface DbBenchInput {
  cases: Partial<DbBenchJsonCase>[];
  aggregate: DbBenchAggregate | null;
}

/** One results file found in the folder, by layout. */
export type ReportResult = { spec: ResultFileSpec } & (
  | { layout: 'load'; doc: LoadResultsJson }
  | { layout: 'sweep'; doc: SweepResultsJson }
  | { layout: 'adaptive'; doc: AdaptiveResultsJson }
  | { layout: 'write'; doc: WriteResultsJson }
  | { layout: 'db-bench'; doc: DbBenchInput }
  | { layout: 'database'; doc: DatabaseInsightsJson }
);

/** Everything the HTML report can show. */
export interface ReportInputs {
  folder: string;
  /** The folder's run.json, or null for folders written before run records existed. */
  run: RunRecord | null;
  /** The results files of this run, in RESULT_FILES order. */
  results: ReportResult[];
  /** The memory CSVs of this run. */
  memory: MemoryInput[];
  /** The per-second series of this run, when one was recorded. */
  series: SeriesInput | null;
  /** Files of the folder that another run wrote: listed, not shown as this run's. */
  foreign: ForeignFile[];
  /** Files that were looked at but not used, with the reason. */
  notes: string[];
  /** `rota-perf compare`'s comparison.json, when the folder holds one this build reads. */
  comparison: ComparisonJson | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isSweep = (v: unknown): boolean => isObject(v) && Array.isArray(v.scenarios);

// db-bench writes `{ cases, skipped, aggregate, … }`; the original wrote the bare array.
function dbBenchInput(v: unknown): DbBenchInput | null {
  const cases = isObject(v) ? v.cases : v;
  if (!Array.isArray(cases) || !cases.every((c) => isObject(c) && typeof c.name === 'string')) {
    return null;
  }
  const aggregate =
    isObject(v) && isObject(v.aggregate) ? (v.aggregate as unknown as DbBenchAggregate) : null;
  return { cases, aggregate };
}

// What each layout must look like to be read, and how it is described when it does not.
const SHAPES: Record<ResultLayout, { read: (v: unknown) => unknown; expected: string }> = {
  load: {
    read: (v) => (isObject(v) && 'total_requests' in v ? v : null),
    expected: 'a load results file (no "total_requests" key)',
  },
  sweep: {
    read: (v) => (isSweep(v) ? v : null),
    expected: 'a sweep results file (no "scenarios" array)',
  },
  adaptive: {
    read: (v) => (isSweep(v) && isObject(v) && Array.isArray(v.runs) ? v : null),
    expected: 'an adaptive search results file (no "scenarios" and "runs" arrays)',
  },
  write: {
    read: (v) => (isObject(v) && 'target_rps' in v ? v : null),
    expected: 'a progress-write results file (no "target_rps" key)',
  },
  database: {
    read: (v) => (isObject(v) && isObject(v.statements) && isObject(v.waits) ? v : null),
    expected: 'a database insights file (no "statements" and "waits" objects)',
  },
  'db-bench': {
    read: dbBenchInput,
    expected:
      'a db-bench results file (an object with a "cases" array, or an array of cases, each with a "name")',
  },
};

async function readResult(
  folder: string,
  spec: ResultFileSpec,
): Promise<{ result: ReportResult; runId: unknown } | null> {
  const path = join(folder, spec.file);
  const value = await readJson(path);
  if (value === undefined) return null;
  const shape = SHAPES[spec.layout];
  const doc = shape.read(value);
  if (doc === null) throw new Error(`${path}: not ${shape.expected}`);
  // The original's db-bench file (a bare array of cases) predates the schema.
  const legacy = spec.layout === 'db-bench' && Array.isArray(value);
  const violation = legacy ? null : firstSchemaViolation(spec.file, value);
  if (violation !== null) {
    throw new Error(`${path}: not a valid ${spec.file} (${spec.schema}): ${violation}`);
  }
  return { result: { spec, layout: spec.layout, doc } as ReportResult, runId: runIdOf(value) };
}

// What reading the folder collects besides the results themselves.
interface Collected {
  run: RunRecord | null;
  notes: string[];
  foreign: ForeignFile[];
}

async function readMemory(folder: string, entries: string[], into: Collected) {
  const memory: MemoryInput[] = [];
  const header = MEMORY_CSV_COLUMNS.join(',');
  for (const name of entries.filter((e) => e.endsWith('.csv')).sort()) {
    const text = await readFile(join(folder, name), 'utf8');
    if (!text.startsWith(header)) {
      into.notes.push(`${name}: not a mem-monitor CSV, ignored`);
      continue;
    }
    const reason = foreignReason(into.run, undefined, await modifiedMs(folder, name));
    if (reason !== null) {
      into.foreign.push({ file: name, reason });
      continue;
    }
    try {
      memory.push({ file: name, samples: parseMemoryCsv(text) });
    } catch (error) {
      throw new Error(`${join(folder, name)}: ${(error as Error).message}`);
    }
  }
  return memory;
}

/** comparison.json of a folder (null when absent; a note when it cannot be shown). */
async function readComparison(folder: string, notes: string[]): Promise<ComparisonJson | null> {
  const doc = await readJson(join(folder, RESULT_FILE.comparison));
  if (doc === undefined) return null;
  if (!isObject(doc) || doc.version !== COMPARISON_VERSION || !Array.isArray(doc.rows)) {
    notes.push(
      `${RESULT_FILE.comparison}: not a comparison this build reads (version ${COMPARISON_VERSION}); not shown`,
    );
    return null;
  }
  return doc as unknown as ComparisonJson;
}

/** Reads the results files of a folder; throws one clear line for a malformed file. */
export async function readReportInputs(folder: string): Promise<ReportInputs> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `results folder ${folder}: ${error.code === 'ENOENT' ? 'does not exist' : error.message}`,
    );
  });
  const run = await readRunRecord(folder);
  const collected: Collected = { run, notes: [], foreign: [] };
  const results: ReportResult[] = [];
  for (const spec of RESULT_FILES) {
    const read = await readResult(folder, spec);
    if (read === null) continue;
    const reason = foreignReason(run, read.runId, await modifiedMs(folder, spec.file));
    if (reason === null) results.push(read.result);
    else collected.foreign.push({ file: spec.file, reason });
  }
  const memory = await readMemory(folder, entries, collected);
  const series = await pickSeries(folder, entries, run, collected.notes, collected.foreign);
  const comparison = await readComparison(folder, collected.notes);
  const { notes, foreign } = collected;
  return { folder, run, results, memory, series, foreign, notes, comparison };
}

/** The first results document of a layout, if the folder held one. */
export function resultOf<L extends ResultLayout>(
  inputs: ReportInputs,
  layout: L,
): Extract<ReportResult, { layout: L }> | undefined {
  return inputs.results.find((r) => r.layout === layout) as
    | Extract<ReportResult, { layout: L }>
    | undefined;
}

/** True when the folder held anything of this run the report can show. */
export function hasAnyResults(inputs: ReportInputs): boolean {
  return (
    inputs.run !== null ||
    inputs.series !== null ||
    inputs.results.length > 0 ||
    inputs.memory.length > 0
  );
}
