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
export {
  type ForeignAnswer,
  type ForeignServer,
  listenForeignServer,
} from './foreign-server.js';
export { packageVersionOf } from './package-version.js';
export {
  checkDatabaseUrl,
  POSTGRES_PROBE_TIMEOUT_MS,
  type PostgresProbeOptions,
  probePostgres,
} from './postgres-probe.js';
export { type SpawnOptions, type SpawnResult, spawnWithAbort } from './spawn.js';
export {
  assertWritable,
  checkWritableFolder,
  fileOptionPath,
  makeFolder,
  WRITABLE_CHECK_TIMEOUT_MS,
  type WritableCheckOptions,
} from './writable.js';
