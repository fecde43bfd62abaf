// Where a command will write is checked before the run starts: a folder under /proc, a read-only
// mount or a hung network share must fail in one line at once, not after the whole run.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** How long the check may take before the place counts as unwritable (a hung mount). */
export const WRITABLE_CHECK_TIMEOUT_MS = 5_000;

/**
 * Creates `dir` one folder at a time. Node's recursive mkdir never returns for a path under
 * /proc (it retries ENOENT forever), so each level is made on its own.
 */
export async function makeFolder(dir: string): Promise<void> {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; at = dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) {
        throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw error;
      missing.unshift(at);
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Options of `checkWritableFolder` and `assertWritable`. */
export interface WritableCheckOptions {
  /** Create the folder when it is missing, as the writer will (default true). */
  create?: boolean;
  /** Deadline in ms (default WRITABLE_CHECK_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Creates `dir` if needed (unless `create` is false), then creates and removes a probe file in
 * it, within `timeoutMs`. Resolves null when files can be written there, else the reason (an
 * errno code or "no answer within 5 s").
 */
export async function checkWritableFolder(
  dir: string,
  options: WritableCheckOptions = {},
): Promise<string | null> {
  const timeoutMs = options.timeoutMs ?? WRITABLE_CHECK_TIMEOUT_MS;
  const probe = resolve(dir, `.rota-perf-write-check.${process.pid}.${Date.now()}`);
  const attempt = (async () => {
    if (options.create !== false) await makeFolder(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return null;
  })().catch((error: NodeJS.ErrnoException) => error.code ?? error.message);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((done) => {
    timer = setTimeout(() => done(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A file option's path against `cwd`. Unlike resolve() it keeps a trailing slash, so that
 * `assertWritable` can refuse `--out dir/` instead of writing a file named `dir`.
 */
export function fileOptionPath(cwd: string, text: string): string {
  return isAbsolute(text) ? text : join(cwd, text);
}

/**
 * Throws a ConfigError (exit 2) naming `option` and `path` when the folder that will hold `path`
 * cannot be written; `path` is a folder itself when `isFolder`. A file path must not be a
 * folder, existing or written as one (a trailing slash).
 */
export async function assertWritable(
  option: string,
  path: string,
  isFolder: boolean,
  options: WritableCheckOptions = {},
): Promise<void> {
  const folder = isFolder ? path : dirname(resolve(path));
  if (!isFolder) {
    // `out/` names a folder even when none exists yet: writing the file as `out` would surprise.
    if (/[\\/]$/.test(path)) {
      throw new ConfigError(option, `${option} ${path} names a folder: expected a file path`);
    }
    const existing = await stat(path).catch(() => null);
    if (existing?.isDirectory()) {
      throw new ConfigError(option, `${option} ${path} is a folder: expected a file path`);
    }
  }
  const problem = await checkWritableFolder(folder, options);
  if (problem !== null) {
    throw new ConfigError(
      option,
      `${option} ${path}: cannot write to ${folder} (${problem}); expected a writable ${isFolder ? 'folder' : 'file path'}`,
    );
  }
}
