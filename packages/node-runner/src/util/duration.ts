import { EXIT, RunnerError } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  us: 0.001,
  µs: 0.001,
  ns: 0.000001,
};

/** Parses a k6 duration (`'1m30s'`, `'200ms'`, or a number of milliseconds) into milliseconds. */
export function parseDuration(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
    const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gy;
    let total = 0;
    let consumed = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1);
      consumed = re.lastIndex;
    }
    if (consumed === text.length && consumed > 0) return total;
  }
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
