import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

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
