// Checks monitor options once, up front, so a bad value fails before anything starts.
import { UsageError } from '@rota-perf/core';
import { type CommandMatcher, compilePattern } from './pattern.js';
import type { MonitorOptions } from './types.js';

/** Validated options with defaults applied. */
export interface MonitorSettings {
  target: { kind: 'pattern'; text: string; matches: CommandMatcher } | { kind: 'pid'; pid: number };
  intervalMs: number;
  durationMs: number | null;
  includeChildren: boolean;
  follow: boolean;
}

/** The default sampling interval, seconds. */
export const DEFAULT_INTERVAL_SECONDS = 0.5;

function positiveSeconds(flag: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} ${value} is invalid: expected a number of seconds > 0`);
  }
  return value * 1000;
}

/** Validates options (throws UsageError naming the bad value) and applies defaults. */
export function resolveSettings(options: MonitorOptions): MonitorSettings {
  const hasPattern = options.pattern !== undefined;
  const hasPid = options.pid !== undefined;
  if (hasPattern === hasPid) {
    throw new UsageError(
      hasPattern
        ? '--pattern and --pid were both given: expected exactly one of them'
        : 'no target: expected --pattern <text or /regex/> or --pid <n>',
    );
  }
  let target: MonitorSettings['target'];
  if (options.pid !== undefined) {
    if (!Number.isInteger(options.pid) || options.pid <= 0) {
      throw new UsageError(`--pid ${options.pid} is invalid: expected a positive integer`);
    }
    if (options.follow) {
      throw new UsageError('--follow needs --pattern: a pid that exited cannot come back');
    }
    target = { kind: 'pid', pid: options.pid };
  } else {
    const pattern = options.pattern as string | RegExp;
    target = { kind: 'pattern', text: String(pattern), matches: compilePattern(pattern) };
  }
  return {
    target,
    intervalMs: positiveSeconds('--interval', options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS),
    durationMs:
      options.durationSeconds === undefined
        ? null
        : positiveSeconds('--duration', options.durationSeconds),
    includeChildren: options.includeChildren ?? false,
    follow: options.follow ?? false,
  };
}
