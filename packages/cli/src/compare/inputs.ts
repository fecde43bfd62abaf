// Reads one side of a comparison: a results folder (or its run.json, or a db-bench results
// file) with its run record, per-second series, sweep results and db-bench cases, and every
// other results JSON the record names. Anything missing, corrupt or of a version this build
// cannot read is refused with one line naming the file and the problem (ConfigError: exit
// code 2).
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  ConfigError,
  type DbBenchJsonCase,
  firstLine,
  RESULT_FILE,
  RUN_RECORD_FILE,
  RUN_RECORD_VERSION,
  type RunRecord,
  type RunSeries,
  resultFileSpec,
  SERIES_VERSION,
  type SweepResultsJson,
} from '@rota-perf/core';

/** One side of a comparison, as read from disk. */
export interface CompareSide {
  /** The results folder (absolute). */
  folder: string;
  /** run.json, or null for a folder holding only db-bench results. */
  record: RunRecord | null;
  recordFile: string | null;
  /** The file the side was read from (run.json or the db-bench results), for messages. */
  sourceFile: string;
  series: RunSeries | null;
  /** The sweep's results (rps or adaptive layout), when the run was a sweep. */
  sweep: { file: string; results: SweepResultsJson } | null;
  dbBench: DbBenchJsonCase[] | null;
}

function refuse(file: string, problem: string): never {
  throw new ConfigError(file, `${file}: ${problem}`);
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    refuse(file, `cannot be read (${firstLine(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    refuse(file, `is not valid JSON (${firstLine(error)})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A versioned document (run.json, a series) whose version this build reads. */
function checkVersion(file: string, doc: unknown, what: string, known: number): void {
  if (!isObject(doc)) refuse(file, `is not a ${what} (expected a JSON object)`);
  if (doc.version !== known) {
    refuse(file, `${what} version ${JSON.stringify(doc.version)}, this rota-perf reads ${known}`);
  }
}

async function readRecord(file: string): Promise<RunRecord> {
  const doc = await readJson(file);
  checkVersion(file, doc, 'run record', RUN_RECORD_VERSION);
  const record = doc as RunRecord;
  if (!isObject(record.files) || !Array.isArray(record.phases)) {
    refuse(file, 'is not a run record (no files or phases)');
  }
  return record;
}

async function readSeries(file: string): Promise<RunSeries> {
  const doc = await readJson(file);
  checkVersion(file, doc, 'series', SERIES_VERSION);
  const series = doc as RunSeries;
  if (!Array.isArray(series.requests)) refuse(file, 'is not a series (no requests)');
  return series;
}

async function readDbBench(file: string): Promise<DbBenchJsonCase[]> {
  const doc = await readJson(file);
  const cases = isObject(doc) ? doc.cases : undefined;
  if (!Array.isArray(cases)) refuse(file, 'is not db-bench results (no cases)');
  return cases as DbBenchJsonCase[];
}

async function readSweep(file: string): Promise<SweepResultsJson> {
  const doc = await readJson(file);
  if (!isObject(doc) || !Array.isArray(doc.scenarios)) {
    refuse(file, 'is not sweep results (no scenarios)');
  }
  return doc as unknown as SweepResultsJson;
}

/**
 * A results file the record names that no row is drawn from (an endpoint run's results.json,
 * database_insights.json). It is still read: a damaged one means the folder is no longer the run
 * its record describes (a write cut short, a hand edit), and a gate should stop there rather
 * than pass on what is left of it.
 */
async function readResultsDoc(file: string): Promise<void> {
  const doc = await readJson(file);
  if (!isObject(doc)) refuse(file, 'is not a results file (expected a JSON object)');
}

/** The folder and the run.json (or db-bench file) a command-line argument names. */
function locate(argument: string, cwd: string): { folder: string; file: string } {
  const path = resolve(cwd, argument);
  if (!existsSync(path)) refuse(path, 'no such results folder or file');
  if (statSync(path).isDirectory()) {
    const record = join(path, RUN_RECORD_FILE);
    if (existsSync(record)) return { folder: path, file: record };
    const dbBench = join(path, RESULT_FILE.dbBench);
    if (existsSync(dbBench)) return { folder: path, file: dbBench };
    refuse(record, `missing: not a rota-perf results folder (no ${RUN_RECORD_FILE})`);
  }
  // A file: a run record, or db-bench results (`db-bench --json <any name>`).
  return { folder: dirname(path), file: path };
}

/** A file the record names, which must exist. */
function namedFile(folder: string, recordFile: string, name: string): string {
  const file = join(folder, name);
  if (!existsSync(file)) refuse(file, `missing (named in ${recordFile})`);
  return file;
}

/** Reads one side of a comparison from a folder, a run.json or a db-bench results file. */
export async function readSide(argument: string, cwd: string): Promise<CompareSide> {
  const { folder, file } = locate(argument, cwd);
  if (basename(file) !== RUN_RECORD_FILE) {
    const dbBench = await readDbBench(file);
    return {
      folder,
      record: null,
      recordFile: null,
      sourceFile: file,
      series: null,
      sweep: null,
      dbBench,
    };
  }
  const record = await readRecord(file);
  const { files } = record;
  if (record.script !== null && files.series === null) {
    refuse(file, 'names no per-second series: compare tests the per-second values of a run');
  }
  const series =
    files.series === null ? null : await readSeries(namedFile(folder, file, files.series));
  const layout = files.results === null ? undefined : resultFileSpec(files.results)?.layout;
  const sweep =
    files.results !== null && (layout === 'sweep' || layout === 'adaptive')
      ? {
          file: files.results,
          results: await readSweep(namedFile(folder, file, files.results)),
        }
      : null;
  const dbBenchName = [files.results, ...files.others].find((f) => f === RESULT_FILE.dbBench);
  const dbBench =
    dbBenchName === undefined ? null : await readDbBench(namedFile(folder, file, dbBenchName));
  const checked = new Set([sweep?.file, dbBenchName]);
  for (const name of [files.results, ...files.others]) {
    if (name !== null && !checked.has(name) && name.endsWith('.json')) {
      await readResultsDoc(namedFile(folder, file, name));
    }
  }
  return { folder, record, recordFile: file, sourceFile: file, series, sweep, dbBench };
}

/** What identifies a target across runs: the embedded one by its fixture (its port changes). */
function targetIdentity(record: RunRecord | null): string | null {
  const target = record?.target;
  if (!target) return null;
  return target.embedded
    ? `the embedded reference API (${target.fixture ?? 'default'} fixture)`
    : target.url;
}

/** The source file of a side, for messages. */
export function sideFile(side: CompareSide): string {
  return side.sourceFile;
}

/**
 * Refuses two sides that are not comparable: different scripts (or commands), different targets
 * unless allowed. Returns notes to record (an allowed target difference).
 */
export function checkComparable(
  baseline: CompareSide,
  candidate: CompareSide,
  allowDifferentTarget: boolean,
): string[] {
  if (baseline.record === null || candidate.record === null) {
    // A db-bench results file on either side: only the db-bench cases can be compared.
    for (const side of [baseline, candidate]) {
      if (side.dbBench === null)
        refuse(sideFile(side), `holds no ${RESULT_FILE.dbBench} to compare`);
    }
    return [];
  }
  const what = (record: RunRecord) => record.script ?? record.command;
  const [b, c] = [what(baseline.record), what(candidate.record)];
  if (b !== c) {
    refuse(
      sideFile(candidate),
      `is a run of ${c}, the baseline (${sideFile(baseline)}) of ${b}: compare runs of the same script`,
    );
  }
  const [tb, tc] = [targetIdentity(baseline.record), targetIdentity(candidate.record)];
  if (tb !== tc) {
    if (!allowDifferentTarget) {
      refuse(
        sideFile(candidate),
        `ran against ${tc ?? 'no recorded target'}, the baseline against ${tb ?? 'no recorded target'}; pass --allow-different-target to compare anyway`,
      );
    }
    return [`different targets: baseline ${tb ?? 'unrecorded'}, candidate ${tc ?? 'unrecorded'}`];
  }
  return [];
}
