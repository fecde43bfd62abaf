// The CLI's temporary folders (summary exports, probe levels): removed by the CLI when done,
// and by a watchdog should the CLI be SIGKILLed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_STOP_GRACE_MS, guardTempDir } from '@rota-perf/core/node';

/** A temporary folder and its removal. */
export interface ScratchDir {
  path: string;
  remove(): Promise<void>;
}

/**
 * Creates `<tmp>/<prefix>XXXXXX`. Engine children write into it (the summary export): the
 * watchdog waits until theirs have stopped them (1 s to notice, then the grace) before removing it.
 */
export async function scratchDir(prefix: string): Promise<ScratchDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const unguard = guardTempDir(path, ENGINE_STOP_GRACE_MS + 2000);
  return {
    path,
    async remove() {
      await rm(path, { recursive: true, force: true });
      unguard();
    },
  };
}
