// Ctrl-C / SIGTERM: the first one asks the running step to stop gracefully (engines write
// partial results, servers and databases are stopped by their owners); a second one exits.
import { EXIT_INTERRUPTED } from './errors.js';

/** A signal aborted on the first SIGINT/SIGTERM, and a way to stop listening. */
export interface InterruptWatch {
  signal: AbortSignal;
  dispose(): void;
}

/** Starts listening for SIGINT and SIGTERM. */
export function watchInterrupts(log: (line: string) => void): InterruptWatch {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log(`rota-perf: second ${name}, exiting now`);
      process.exit(EXIT_INTERRUPTED);
    }
    log(`rota-perf: ${name} received, stopping cleanly (again to force)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
