// Where results land and what a run wrote: the results folder, file names per script, and
// the list of files written during this run (stale files of an earlier run are not claimed).
import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root when run from packages/cli/dist (results default to its performance/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The default results folder: `performance/` at the repository root. */
export const DEFAULT_OUT = join(REPO_ROOT, 'performance');

/** The results JSON each bundle writes into RESULTS_DIR. */
export const RESULTS_FILES: Record<string, string> = {
  performance: 'results.json',
  rps_probe: 'rps_results.json',
  progress_probe: 'progress_probe_results.json',
  progress_write: 'progress_write_results.json',
};

/** Resolves `--out` against cwd and creates the folder. */
export async function prepareOutDir(cwd: string, out: string | undefined): Promise<string> {
  const dir = out === undefined ? DEFAULT_OUT : isAbsolute(out) ? out : resolve(cwd, out);
  await mkdir(dir, { recursive: true });
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
