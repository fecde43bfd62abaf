export { memMonitorCommand, parseCliArgs, readMonitorOptions } from './cli.js';
export { startMonitor } from './monitor.js';
export { DEFAULT_INTERVAL_SECONDS } from './options.js';
export { compilePattern } from './pattern.js';
export { createProcfsSource, type ProcStat, parseProcStat } from './procfs.js';
export { chooseMatches, withDescendants } from './select.js';
export { createSystemInformationSource } from './si-source.js';
export { createDefaultSource } from './source.js';
export { formatMemorySummary } from './summary-text.js';
export type {
  MonitorEvent,
  MonitorHandle,
  MonitorOptions,
  ProcessInfo,
  ProcessSource,
  ProcessUsage,
  StopReason,
} from './types.js';
