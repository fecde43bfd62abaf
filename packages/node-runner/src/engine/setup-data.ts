import { EXIT, RunnerError } from '../errors.js';

// Go marshals times as RFC 3339 with trailing zero fractions dropped: 1970-01-01T00:00:00Z.
function goTime(d: Date): string {
  return d
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_m, ms: string) =>
      ms === '000' ? 'Z' : `.${ms.replace(/0+$/, '')}Z`,
    );
}

function findFunction(value: unknown, path: string, seen: Set<unknown>): string | null {
  if (typeof value === 'function') return path || 'the result';
  if (typeof value === 'symbol' || typeof value === 'bigint') return path || 'the result';
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    const found = findFunction(v, path ? `${path}.${k}` : k, seen);
    if (found) return found;
  }
  return null;
}

/**
 * Serialises setup() data as k6 does (through JSON, Dates as Go times, undefined as null);
 * a function anywhere in it fails the run with exit code 255 like k6.
 */
export function serializeSetupData(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const bad = findFunction(value, '', new Set());
  if (bad) {
    throw new RunnerError(
      `setup() returned data that cannot be passed to VUs: '${bad}' is not JSON-serialisable (functions, symbols and bigints are not allowed)`,
      EXIT.generic,
    );
  }
  try {
    return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      const raw = this[key];
      if (raw instanceof Date) return goTime(raw);
      return v === undefined ? null : v;
    });
  } catch (err) {
    throw new RunnerError(
      `setup() returned data that cannot be serialised to JSON: ${(err as Error).message}`,
      EXIT.generic,
    );
  }
}
