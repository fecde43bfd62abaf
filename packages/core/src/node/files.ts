// Results are written whole or not at all: a temp file in the same folder, then a rename.
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFileOf } from '../results/files.js';
import { makeFolder } from './writable.js';

/** Writes `text` to `path` atomically (creating its folder); returns the absolute path. */
export async function writeFileAtomically(path: string, text: string): Promise<string> {
  const target = resolve(path);
  await makeFolder(dirname(target));
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

/** Writes `value` as indented JSON atomically; returns the absolute path. */
export function writeJsonAtomically(path: string, value: unknown): Promise<string> {
  return writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The JSON Schema of a file the kit writes (a results file, `run.json`, a `*_series.json`),
 * from `@rota-perf/core/schemas/` (for validation in tests).
 */
export function loadResultSchema(file: string): Record<string, unknown> {
  const schema = schemaFileOf(file);
  if (schema === undefined) throw new Error(`${file} is not a file the kit writes`);
  const path = fileURLToPath(new URL(`../../schemas/${schema}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
