// The files of a run in its results folder, as the run record lists them: the results JSON
// only when this run wrote it (its run_id), the others when they were written.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RUN_RECORD_FILE, type RunRecord } from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';

/** A results JSON of this run (the script stamped `runId` into it), else null. */
export async function readOwnResults(
  path: string,
  runId: string,
): Promise<Record<string, unknown> | null> {
  try {
    const doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    return doc.run_id === runId ? doc : null;
  } catch {
    return null;
  }
}

/** The plateau rate a results file reports (endpoint benchmark, write probe), else null. */
export function plateauRpsOf(results: Record<string, unknown> | null): number | null {
  const value = results?.steady_state_rps ?? results?.observed_rps_plateau;
  return typeof value === 'number' ? value : null;
}

/** The record's name of a file (relative to the results folder), null when absent. */
export function fileEntry(path: string | null): string | null {
  return path === null ? null : basename(path);
}

/** Writes `run.json` into the folder, atomically; returns its path. */
export function writeRunRecord(folder: string, record: RunRecord): Promise<string> {
  return writeJsonAtomically(join(folder, RUN_RECORD_FILE), record);
}
