import { durationSeconds } from '@rota-perf/core';
import { EXIT, RunnerError } from '../errors.js';

/**
 * A k6 duration option in milliseconds: a number is milliseconds (as in k6's JSON options), a
 * string is read by the core's Go-semantics parser (`'1m30s'`, `'.5s'`, `'200ms'`).
 */
export function parseDuration(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const seconds = typeof value === 'string' ? durationSeconds(value) : null;
  if (seconds !== null) return seconds * 1000;
  throw new RunnerError(
    `invalid duration ${JSON.stringify(value)} for ${what}: expected e.g. '30s', '1m30s', '200ms'`,
    EXIT.invalidConfig,
  );
}

/** Formats milliseconds the way k6 prints durations in its scenario header (`10m30s`, `2s`). */
export function formatDurationShort(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  let out = '';
  if (h) out += `${h}h`;
  if (h || m) out += `${m}m`;
  out += `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
  return out;
}
