// k6 duration syntax. The original scripts accepted a single unit only, so `1m30s` became 0
// and broke the probe start offsets (contract §7 item 19); this parser takes every k6 form.
import { quote, SweepConfigError } from './errors.js';

const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
  us: 0.000001,
  µs: 0.000001,
  ns: 0.000000001,
};

// `ms` must be tried before `m`, or `500ms` would read as 500 minutes followed by junk.
const PART = /(\d+(?:\.\d*)?|\.\d+)(ms|us|µs|ns|h|m|s)/y;
const BARE_NUMBER = /^(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a k6 duration (`30s`, `1m30s`, `500ms`, `1h2m3s`, `2.5s`; a bare number means
 * seconds) into seconds. Anything else throws a one-line SweepConfigError naming the variable.
 */
export function parseK6Duration(text: string, variableName: string): number {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (BARE_NUMBER.test(trimmed)) return Number(trimmed);
  let total = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(trimmed); m !== null; m = PART.exec(trimmed)) {
    total += Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number);
    consumed = PART.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length || !Number.isFinite(total)) {
    throw new SweepConfigError(
      variableName,
      `${variableName} must be a k6 duration such as 30s, 1m30s or 500ms, got ${quote(text)}`,
    );
  }
  return roundToMicros(total);
}

/**
 * Formats seconds as a k6 duration: `1h2m3s`, `1m30s`, `45s`, `2s500ms`, `500ms`, `0s`.
 * Rounded to whole milliseconds, which is finer than any scenario offset needs.
 */
export function formatK6Duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`a duration must be a finite number of seconds >= 0, got ${seconds}`);
  }
  let ms = Math.round(seconds * 1000);
  if (ms === 0) return '0s';
  const h = Math.floor(ms / 3_600_000);
  ms -= h * 3_600_000;
  const m = Math.floor(ms / 60_000);
  ms -= m * 60_000;
  const s = Math.floor(ms / 1000);
  ms -= s * 1000;
  let out = '';
  if (h > 0) out += `${h}h`;
  if (m > 0) out += `${m}m`;
  if (s > 0) out += `${s}s`;
  if (ms > 0) out += `${ms}ms`;
  return out;
}

// Sums such as 0.1 + 0.2 minutes drift in binary floating point; durations never need more
// than microsecond resolution.
function roundToMicros(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
