// k6 durations, parsed as Go's time.ParseDuration parses them (k6 is written in Go): a sequence
// of decimal numbers, each with an optional fraction and a unit (`300ms`, `1.5m`, `.5s`, `1h2m`,
// `1us`, `1µs`). One extension for our environment variables, as the README documents: a bare
// number (`45`, `2.5`) means seconds, the way the original scripts read them.
import { ConfigError, quote } from './errors.js';

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6, // U+00B5 MICRO SIGN
  μs: 1e-6, // U+03BC GREEK SMALL LETTER MU, which Go accepts as well
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

// One Go component: digits with an optional fraction (`1`, `1.`, `1.5`, `.5`), then a unit.
const COMPONENT = /(\d+\.?\d*|\.\d+)([^\d.]*)/y;
const BARE_NUMBER = /^(\d+\.?\d*|\.\d+)$/;

/**
 * The duration in seconds, or null when `text` is not a duration. Negative durations (which
 * Go accepts) are refused: no duration we read may be negative.
 */
export function durationSeconds(text: string): number | null {
  let rest = typeof text === 'string' ? text.trim() : '';
  if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '' || rest.startsWith('-')) return null;
  if (BARE_NUMBER.test(rest)) return Number(rest);
  let total = 0;
  let consumed = 0;
  COMPONENT.lastIndex = 0;
  for (
    let m = COMPONENT.exec(rest);
    m !== null && consumed < rest.length;
    m = COMPONENT.exec(rest)
  ) {
    const unit = UNIT_SECONDS[m[2] as string];
    if (unit === undefined) return null;
    total += Number(m[1]) * unit;
    consumed = COMPONENT.lastIndex;
  }
  if (consumed !== rest.length || !Number.isFinite(total)) return null;
  // Sums such as 0.1 + 0.2 minutes drift in binary floating point; Go counts nanoseconds.
  return Math.round(total * 1e9) / 1e9;
}

/**
 * Parses a k6 duration into seconds; anything else throws a one-line ConfigError naming the
 * variable (`TEST_DURATION must be a k6 duration such as 30s, 1m30s or 500ms, got "5x"`).
 */
export function parseK6Duration(text: string, variableName: string): number {
  const seconds = durationSeconds(text);
  if (seconds === null) {
    throw new ConfigError(
      variableName,
      `${variableName} must be a k6 duration such as 30s, 1m30s or 500ms, got ${quote(text)}`,
    );
  }
  return seconds;
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
