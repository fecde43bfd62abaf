// Memory monitoring around a run: attached to the embedded API's pid automatically, or to
// a process the user names (--monitor-pid / --monitor-pattern) when the target is local.
import type { MemorySummary } from '@rota-perf/core';

/** What to monitor, from the command line. */
export interface MonitorChoice {
  pid?: number;
  pattern?: string;
  intervalSeconds: number;
}

/** A monitor attached to a run. */
export interface AttachedMonitor {
  csv: string;
  stop(): Promise<MemorySummary>;
}

/** Starts sampling to `csv`; the embedded API's pid is used when nothing was chosen. */
export async function attachMonitor(
  choice: MonitorChoice,
  embeddedPid: number | null,
  csv: string,
  log: (line: string) => void,
): Promise<AttachedMonitor | null> {
  const pid = choice.pid ?? (choice.pattern === undefined ? embeddedPid : null) ?? undefined;
  if (pid === undefined && choice.pattern === undefined) {
    log('memory: not monitored (remote target; use --monitor-pid or --monitor-pattern)');
    return null;
  }
  const { startMonitor } = await import('@rota-perf/mem-monitor');
  const handle = startMonitor({
    ...(pid !== undefined ? { pid } : { pattern: choice.pattern as string }),
    intervalSeconds: choice.intervalSeconds,
    output: csv,
    onEvent: (event) => {
      if (event.kind !== 'stopped') log(`memory: ${event.message}`);
    },
  });
  log(`memory: sampling ${pid !== undefined ? `pid ${pid}` : `"${choice.pattern}"`} to ${csv}`);
  return { csv, stop: () => handle.stop() };
}
