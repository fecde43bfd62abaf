// Results files are written whole or not at all: temp file in the same folder, then rename.
import { rename, writeFile } from 'node:fs/promises';

/** Writes `value` as indented JSON to `path` atomically; returns the path. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<string> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temp, path);
  return path;
}
