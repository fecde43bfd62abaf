// Where results land and what a run wrote: the results folder, the bundles, and the files
// written during this run (stale files of an earlier run are not claimed).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScriptName, scriptEntry } from '@rota-perf/core';
import { assertWritable } from '@rota-perf/core/node';

/** The repository root when run from packages/cli/dist (results default to its performance/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The default results folder: `performance/` at the repository root. */
export const DEFAULT_OUT = join(REPO_ROOT, 'performance');

/** Absolute path of a script's built bundle. */
export function bundlePath(script: ScriptName): string {
  return join(REPO_ROOT, scriptEntry(script).bundle);
}

/** True when the bundle exists (it is a build output). */
export function isBuilt(script: ScriptName): boolean {
  return existsSync(bundlePath(script));
}

/**
 * Resolves `--out` against cwd, creates the folder and checks that files can be written there
 * (before the run: exit 2 in one line, not a failure at the end).
 */
export async function prepareOutDir(cwd: string, out: string | undefined): Promise<string> {
  const dir = out === undefined ? DEFAULT_OUT : isAbsolute(out) ? out : resolve(cwd, out);
  await assertWritable('--out', dir, true);
  return dir;
}

/** True when `path` exists and was modified at or after `sinceMs`. */
export async function writtenSince(path: string, sinceMs: number): Promise<boolean> {
  try {
    const info = await stat(path);
    // Filesystem timestamps may be coarser than Date.now(): allow one second of slack.
    return info.mtimeMs >= sinceMs - 1000;
  } catch {
    return false;
  }
}
