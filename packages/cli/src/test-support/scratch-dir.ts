import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers beforeAll/afterAll that make one scratch folder for the test file (`<prefix>…`
 * under the system temp folder) and remove it with all the runs wrote there. `dir` is set once
 * beforeAll has run.
 */
export function useScratchDir(prefix: string): { dir: string } {
  const scratch = { dir: '' };
  beforeAll(async () => {
    scratch.dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (scratch.dir) await rm(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
