import { constants } from 'node:fs';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Writes `value` as indented JSON so that readers see the old file or the whole new one. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<string> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

/**
 * Checks before a long run that the results file can be written: its folder exists (or is
 * created) and is writable, and the path is not a folder. Returns a problem, or null.
 */
export async function checkJsonTarget(path: string): Promise<string | null> {
  const target = resolve(path);
  try {
    if ((await stat(target)).isDirectory())
      return `--json ${path} is a directory, expected a file path`;
  } catch {
    // Not there yet: the usual case.
  }
  try {
    await mkdir(dirname(target), { recursive: true });
    await access(dirname(target), constants.W_OK);
    return null;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return `--json ${path}: cannot write to ${dirname(target)} (${reason})`;
  }
}
