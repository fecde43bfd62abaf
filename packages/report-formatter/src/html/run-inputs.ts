// Which run the files of a folder belong to. run.json names the run; a results file carries
// the run_id it was written by, and a file without one counts as this run's only if it was
// written after the run started. Files of another run are listed, never mixed in. Node only.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  RUN_RECORD_FILE,
  RUN_RECORD_VERSION,
  type RunRecord,
  type RunSeries,
  SERIES_VERSION,
} from '@rota-perf/core';

/** A file of the folder that another run wrote, and how that was told. */
export interface ForeignFile {
  file: string;
  reason: string;
}

/** The per-second series the report draws. */
export interface SeriesInput {
  file: string;
  series: RunSeries;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The keys the report reads; a record without them is not one (the schema has the full list).
const RECORD_KEYS = [
  'run_id',
  'started_at',
  'verdict',
  'variables',
  'host',
  'rate',
  'thresholds',
  'checks',
  'status_codes',
  'phases',
] as const;

/** A JSON file's value; undefined when there is no such file, one line when it is not JSON. */
export async function readJson(path: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The folder's run.json, or null when it has none (older runs); throws on a malformed one. */
export async function readRunRecord(folder: string): Promise<RunRecord | null> {
  const path = join(folder, RUN_RECORD_FILE);
  const value = await readJson(path);
  if (value === undefined) return null;
  if (!isObject(value)) throw new Error(`${path}: not a run record (not a JSON object)`);
  if (value.version !== RUN_RECORD_VERSION) {
    throw new Error(
      `${path}: run record version ${JSON.stringify(value.version)}, expected ${RUN_RECORD_VERSION}`,
    );
  }
  const missing = RECORD_KEYS.filter((k) => !(k in value));
  if (missing.length > 0 || Number.isNaN(Date.parse(String(value.started_at)))) {
    const what = missing.length > 0 ? `missing ${missing.join(', ')}` : 'started_at is no date';
    throw new Error(`${path}: not a run record (${what})`);
  }
  return value as unknown as RunRecord;
}

/** A series file; throws one line naming the file when it is not one. */
export async function readSeriesFile(folder: string, file: string): Promise<RunSeries> {
  const path = join(folder, file);
  const value = await readJson(path);
  if (!isObject(value)) throw new Error(`${path}: not a series file (not a JSON object)`);
  if (value.version !== SERIES_VERSION) {
    throw new Error(
      `${path}: series version ${JSON.stringify(value.version)}, expected ${SERIES_VERSION}`,
    );
  }
  const arrays = ['requests', 'scenarios', 'seconds'].filter((k) => !Array.isArray(value[k]));
  if (arrays.length > 0 || Number.isNaN(Date.parse(String(value.started_at)))) {
    const what = arrays.length > 0 ? `no ${arrays.join(', ')} array` : 'started_at is no date';
    throw new Error(`${path}: not a series file (${what})`);
  }
  return value as unknown as RunSeries;
}

/** When the file was last written (epoch ms). */
export async function modifiedMs(folder: string, file: string): Promise<number> {
  return (await stat(join(folder, file))).mtimeMs;
}

// Some file systems keep modification times to the second or two (FAT, zip archives of CI
// artifacts): a file is older than the run only when it is older by more than that.
const MTIME_SLACK_MS = 2000;

/**
 * Why a file is not this run's, or null when it is (or when there is no run record to tell).
 * `runId` is the file's own `run_id` (undefined or null when it has none).
 */
export function foreignReason(
  record: RunRecord | null,
  runId: unknown,
  modified: number,
): string | null {
  if (record === null) return null;
  if (typeof runId === 'string' && runId !== '') {
    return runId === record.run_id ? null : `written by run ${runId}, not ${record.run_id}`;
  }
  if (modified < Date.parse(record.started_at) - MTIME_SLACK_MS) {
    return `no run id; last written ${new Date(modified).toISOString()}, before this run started (${record.started_at})`;
  }
  return null;
}

/** The `run_id` a results document carries, if any. */
export function runIdOf(doc: unknown): unknown {
  return isObject(doc) ? doc.run_id : undefined;
}

/**
 * The series to draw: run.json's own when it names one, else the newest `*_series.json` of
 * this run. Other series files are reported as notes or as files of another run.
 */
export async function pickSeries(
  folder: string,
  entries: readonly string[],
  record: RunRecord | null,
  notes: string[],
  foreign: ForeignFile[],
): Promise<SeriesInput | null> {
  const candidates: { file: string; modified: number }[] = [];
  for (const file of entries.filter((e) => e.endsWith('_series.json')).sort()) {
    const modified = await modifiedMs(folder, file);
    const reason = foreignReason(record, undefined, modified);
    if (reason === null) candidates.push({ file, modified });
    else foreign.push({ file, reason });
  }
  if (candidates.length === 0) return null;
  const named = candidates.find((c) => c.file === record?.files?.series);
  const chosen = named ?? candidates.reduce((a, b) => (b.modified > a.modified ? b : a));
  for (const c of candidates) {
    if (c !== chosen) notes.push(`${c.file}: another series file, not drawn (${chosen.file} is)`);
  }
  return { file: chosen.file, series: await readSeriesFile(folder, chosen.file) };
}
