// Public shapes of the monitor: what the caller passes in and what it gets back.
import type { MemorySample, MemorySummary } from '@rota-perf/core';

/** Options of `startMonitor`; exactly one of `pattern` and `pid` is required. */
export interface MonitorOptions {
  /** Substring of the full command line, or `/regex/flags` text, or a RegExp. */
  pattern?: string | RegExp;
  /** A known process id. */
  pid?: number;
  /** Seconds between samples (default 0.5). */
  intervalSeconds?: number;
  /** Stop after this many seconds from the start (default: when the process exits or on stop()). */
  durationSeconds?: number;
  /** CSV file to write (header first, then one row per sample, written as it goes). */
  output?: string;
  /** Sum each chosen process with all its descendants. */
  includeChildren?: boolean;
  /** After the process exits, wait for a new match instead of stopping (pattern mode only). */
  follow?: boolean;
  /** Progress messages (waiting, matched, exited...) for a console or a log. */
  onEvent?: (event: MonitorEvent) => void;
  /** Where process data comes from; defaults to /proc on Linux, systeminformation elsewhere. */
  source?: ProcessSource;
}

/** A running monitor. */
export interface MonitorHandle {
  /** Samples taken so far (the array grows while the monitor runs). */
  readonly samples: MemorySample[];
  /** Stops sampling, closes the CSV and resolves with the summary. */
  stop(): Promise<MemorySummary>;
  /** Resolves with the summary once the monitor has stopped for any reason. */
  readonly done: Promise<MemorySummary>;
  /** Why it stopped; null while it runs. */
  readonly stopReason: StopReason | null;
}

/** Why the monitor stopped. */
export type StopReason = 'duration' | 'exited' | 'stopped' | 'not-found' | 'error';

/** Something the monitor wants a human to know. */
export interface MonitorEvent {
  kind: 'waiting' | 'matched' | 'children' | 'exited' | 'stopped' | 'error';
  message: string;
  pids?: number[];
  reason?: StopReason;
}

/** One process as seen when listing the process table. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  /** Full command line, arguments joined by spaces. */
  command: string;
}

/** Memory and CPU of one process at one moment. */
export interface ProcessUsage {
  pid: number;
  name: string;
  rssBytes: number;
  vmsBytes: number;
  /** Percent of one core since the previous reading of this pid (100 = one full core). */
  cpuPercent: number;
}

/** A provider of process data (the /proc reader on Linux, systeminformation elsewhere). */
export interface ProcessSource {
  readonly name: string;
  /** The whole process table (used to find matches and children). */
  listProcesses(): Promise<ProcessInfo[]>;
  /** Usage of the given pids; a pid missing from the map has exited. */
  readUsage(pids: readonly number[]): Promise<Map<number, ProcessUsage>>;
}
