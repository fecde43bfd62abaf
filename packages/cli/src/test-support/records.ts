// What the e2e tests read back from a results folder: run.json checked against core's schema,
// the series, and the layout of a record (its keys, for comparing two engines' records).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRecord, RunSeries } from '@rota-perf/core';
import { schemaErrors } from '../../../core/src/test-support/schema.js';

export { seriesMetricTotals } from '../../../core/src/test-support/series.js';
// Core's test support (by path: it is not published), for the e2e tests as well.
export { schemaErrors };

/** The stand-in k6 binary (K6_BINARY) that replays the real k6's recording. */
export const FAKE_K6 = fileURLToPath(new URL('./fake-k6.mjs', import.meta.url));

/** A JSON file of the folder. */
export async function readJsonFile<T>(folder: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(folder, file), 'utf8')) as T;
}

/** The folder's run.json, after checking it against the schema. */
export async function readRunRecord(folder: string): Promise<RunRecord> {
  const record = await readJsonFile<RunRecord>(folder, 'run.json');
  const errors = schemaErrors('run.json', record);
  if (errors.length > 0) throw new Error(`run.json of ${folder} is invalid: ${errors.join('; ')}`);
  return record;
}

/** The folder's series file named in run.json, checked against the schema. */
export async function readSeries(folder: string, record: RunRecord): Promise<RunSeries> {
  const file = record.files.series as string;
  const series = await readJsonFile<RunSeries>(folder, file);
  const errors = schemaErrors(file, series);
  if (errors.length > 0) throw new Error(`${file} is invalid: ${errors.join('; ')}`);
  return series;
}

// Objects whose keys are data (variable names, status codes), not layout.
const MAPS = new Set(['variables', 'status_codes']);

/**
 * The layout of a record: the keys of every object, the layout of array elements (objects),
 * `list` for arrays of values or empty ones, `map` for data-keyed objects; values (and null
 * vs filled) are not layout.
 */
export function layoutOf(value: unknown, key = ''): unknown {
  if (MAPS.has(key)) return 'map';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return first !== null && typeof first === 'object' ? [layoutOf(first)] : 'list';
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      out[k] = layoutOf((value as Record<string, unknown>)[k], k);
    }
    return out;
  }
  return 'value';
}
