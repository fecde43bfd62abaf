// What the orchestration steps get from a command: its io and the run's AbortSignal.
import type { CommandIo } from '@rota-perf/core';

/** A command's io plus the signal aborted on the first Ctrl-C / SIGTERM. */
export type RunContext = CommandIo & { signal: AbortSignal };
