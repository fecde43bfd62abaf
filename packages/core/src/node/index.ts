// Node-only part of @rota-perf/core: the bin runner, atomic files, child processes.

export { runBin } from './bin/run-bin.js';
export {
  ENGINE_STOP_GRACE_MS,
  type GuardOptions,
  guardChild,
  guardTempDir,
} from './child-guard.js';
export {
  type CapturedRun,
  type CaptureOptions,
  type CommandTarget,
  runCaptured,
  runCommandLine,
} from './command-line.js';
export { loadResultSchema, writeFileAtomically, writeJsonAtomically } from './files.js';
export { packageVersionOf } from './package-version.js';
export { type SpawnOptions, type SpawnResult, spawnWithAbort } from './spawn.js';
