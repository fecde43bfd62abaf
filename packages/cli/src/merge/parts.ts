// The instances a merge reads: a folder with a run.json (one instance run by rota-perf, its
// segment in its record), or a folder of k6 `--out json` files (k6-operator pods writing to one
// volume: each file one instance), or one such file. Each is read into its per-second series;
// anything unreadable is refused with one line naming the file.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  RUN_RECORD_FILE,
  RUN_RECORD_VERSION,
  type RunRecord,
  type RunSeries,
  SERIES_VERSION,
  UsageError,
} from '@rota-perf/core';
import { K6NdjsonReader } from '@rota-perf/core/series';

/** One instance of the run being merged. */
export interface InstancePart {
  /** How messages name it: its folder or file, relative to the working directory. */
  id: string;
  /** Its k6 NDJSON samples (absolute). */
  ndjson: string;
  series: RunSeries;
  /** Its execution segment (`1/3:2/3`); null when unknown (k6 pods' files do not say). */
  segment: string | null;
  /** Its run.json, when rota-perf ran it. */
  record: RunRecord | null;
  /** Thresholds by metric, as its NDJSON `Metric` lines declared them. */
  thresholds: Map<string, string[]>;
}

async function readJson<T>(file: string, what: string, cwd: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${relative(cwd, file) || file}: cannot be read (expected ${what})`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${relative(cwd, file) || file}: not JSON (expected ${what})`);
  }
}

/** Reads an NDJSON file into its series and declarations; a corrupt line is refused. */
async function readNdjson(file: string, id: string) {
  const reader = new K6NdjsonReader();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) reader.pushLine(line);
  if (reader.malformedLines > 0)
    throw new UsageError(
      `${id}: ${reader.malformedLines} line(s) are not JSON (expected k6 --out json NDJSON, whole)`,
    );
  if (reader.startMs === null)
    throw new UsageError(`${id}: no samples (expected k6 --out json NDJSON of a test run)`);
  const thresholds = new Map<string, string[]>();
  for (const [name, m] of reader.metrics) thresholds.set(name, m.thresholds);
  return { series: reader.finish(), thresholds };
}

async function fromNdjson(file: string, cwd: string): Promise<InstancePart> {
  const id = relative(cwd, file) || basename(file);
  const { series, thresholds } = await readNdjson(file, id);
  return { id, ndjson: file, series, segment: null, record: null, thresholds };
}

async function fromRecord(folder: string, cwd: string): Promise<InstancePart> {
  const id = relative(cwd, folder) || '.';
  const recordFile = join(folder, RUN_RECORD_FILE);
  const record = await readJson<RunRecord>(recordFile, 'a rota-perf run record', cwd);
  if (record?.version !== RUN_RECORD_VERSION || typeof record.script !== 'string')
    throw new UsageError(
      `${relative(cwd, recordFile)}: not a run record of a script run (expected run.json version ${RUN_RECORD_VERSION})`,
    );
  if (!record.files?.ndjson)
    throw new UsageError(
      `${relative(cwd, recordFile)}: lists no k6 NDJSON samples file (files.ndjson; the instance must be run with --out json)`,
    );
  const ndjson = join(folder, record.files.ndjson);
  const read = await readNdjson(ndjson, relative(cwd, ndjson));
  let series = read.series;
  // The instance's own series has what NDJSON lacks (the generator's CPU and event-loop lag).
  if (record.files.series) {
    const file = join(folder, record.files.series);
    const own = await readJson<RunSeries>(file, 'a per-second series', cwd);
    if (own?.version !== SERIES_VERSION || !Array.isArray(own.requests))
      throw new UsageError(
        `${relative(cwd, file)}: not a series (expected version ${SERIES_VERSION})`,
      );
    series = own;
  }
  const segment = record.instances?.[0]?.segment ?? null;
  return { id, ndjson, series, segment, record, thresholds: read.thresholds };
}

/** Reads every input (folders or NDJSON files), in order. */
export async function readParts(inputs: readonly string[], cwd: string): Promise<InstancePart[]> {
  const parts: InstancePart[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => null);
    if (info === null)
      throw new UsageError(
        `${input}: no such folder or file (expected a results folder or a k6 NDJSON file)`,
      );
    if (info.isFile()) {
      parts.push(await fromNdjson(path, cwd));
      continue;
    }
    const names = (await readdir(path)).sort();
    if (names.includes(RUN_RECORD_FILE)) {
      parts.push(await fromRecord(path, cwd));
      continue;
    }
    const files = names.filter((n) => n.endsWith('.ndjson'));
    if (files.length === 0)
      throw new UsageError(
        `${input}: neither a run.json nor any *.ndjson file (expected an instance's results folder or k6 --out json files)`,
      );
    for (const name of files) parts.push(await fromNdjson(join(path, name), cwd));
  }
  return parts;
}
