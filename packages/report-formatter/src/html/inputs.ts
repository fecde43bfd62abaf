// Finds and reads whichever results files a run folder holds. Node only.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DbBenchJsonCase } from '../db-bench.js';
import type { LoadResultsJson } from '../load-format.js';
import { MEMORY_CSV_COLUMNS, parseMemoryCsv } from '../memory.js';
import type { SweepResultsJson } from '../sweep.js';
import type { MemorySample } from '../types.js';
import type { WriteResultsJson } from '../write-probe.js';

/** A vertical marker on the memory timeline (e.g. the start of a load level). */
export interface TimelineMark {
  atSeconds: number;
  label: string;
}

/** The samples of one mem-monitor CSV. */
export interface MemoryInput {
  file: string;
  samples: MemorySample[];
}

/** Everything the HTML report can show; a null member means its file was absent. */
export interface ReportInputs {
  folder: string;
  load: LoadResultsJson | null;
  rps: SweepResultsJson | null;
  progressProbe: SweepResultsJson | null;
  write: WriteResultsJson | null;
  dbBench: Partial<DbBenchJsonCase>[] | null;
  memory: MemoryInput[];
  /** Files that were looked at but not used, with the reason. */
  notes: string[];
}

/** The results file names the report looks for. */
export const REPORT_FILES = {
  load: 'results.json',
  rps: 'rps_results.json',
  progressProbe: 'progress_probe_results.json',
  write: 'progress_write_results.json',
  dbBench: 'db_bench_results.json',
} as const;

async function readJson(path: string, check: (v: unknown) => boolean, expected: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!check(value)) throw new Error(`${path}: not ${expected}`);
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isSweep = (v: unknown) => isObject(v) && Array.isArray(v.scenarios);

// db-bench writes `{ cases, skipped, aggregate, calibration, context, environment }`; the
// original benchmark wrote the bare array of cases. Both are read; null when neither.
function dbBenchCases(v: unknown): Partial<DbBenchJsonCase>[] | null {
  const cases = isObject(v) ? v.cases : v;
  if (!Array.isArray(cases)) return null;
  return cases.every((c) => isObject(c) && typeof c.name === 'string') ? cases : null;
}

/** Reads the results files of a folder; throws one clear line for a malformed file. */
export async function readReportInputs(folder: string): Promise<ReportInputs> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `results folder ${folder}: ${error.code === 'ENOENT' ? 'does not exist' : error.message}`,
    );
  });
  const at = (name: string) => join(folder, name);
  const load = await readJson(
    at(REPORT_FILES.load),
    (v) => isObject(v) && 'total_requests' in v,
    'a load results file (no "total_requests" key)',
  );
  const readSweep = (name: string) =>
    readJson(at(name), isSweep, 'a sweep results file (no "scenarios" array)');
  const rps = await readSweep(REPORT_FILES.rps);
  const progressProbe = await readSweep(REPORT_FILES.progressProbe);
  const write = await readJson(
    at(REPORT_FILES.write),
    (v) => isObject(v) && 'target_rps' in v,
    'a progress-write results file (no "target_rps" key)',
  );
  const dbBench = await readJson(
    at(REPORT_FILES.dbBench),
    (v) => dbBenchCases(v) !== null,
    'a db-bench results file (an object with a "cases" array, or an array of cases, each with a "name")',
  );
  const memory: MemoryInput[] = [];
  const notes: string[] = [];
  const header = MEMORY_CSV_COLUMNS.join(',');
  for (const name of entries.filter((e) => e.endsWith('.csv')).sort()) {
    const text = await readFile(at(name), 'utf8');
    if (!text.startsWith(header)) {
      notes.push(`${name}: not a mem-monitor CSV, ignored`);
      continue;
    }
    try {
      memory.push({ file: name, samples: parseMemoryCsv(text) });
    } catch (error) {
      throw new Error(`${at(name)}: ${(error as Error).message}`);
    }
  }
  return {
    folder,
    load: load as LoadResultsJson | null,
    rps: rps as SweepResultsJson | null,
    progressProbe: progressProbe as SweepResultsJson | null,
    write: write as WriteResultsJson | null,
    dbBench: dbBench === null ? null : dbBenchCases(dbBench),
    memory,
    notes,
  };
}

/** True when the folder held at least one results file the report can show. */
export function hasAnyResults(inputs: ReportInputs): boolean {
  return Boolean(
    inputs.load ||
      inputs.rps ||
      inputs.progressProbe ||
      inputs.write ||
      inputs.dbBench ||
      inputs.memory.length,
  );
}
