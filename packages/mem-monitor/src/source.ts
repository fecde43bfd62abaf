import { existsSync } from 'node:fs';
import { createProcfsSource } from './procfs.js';
import { createSystemInformationSource } from './si-source.js';
import type { ProcessSource } from './types.js';

/** The cheapest source available here: /proc on Linux, systeminformation elsewhere. */
export function createDefaultSource(): ProcessSource {
  return process.platform === 'linux' && existsSync('/proc/self/stat')
    ? createProcfsSource()
    : createSystemInformationSource();
}
