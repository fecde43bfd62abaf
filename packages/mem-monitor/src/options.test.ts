import { UsageError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVAL_SECONDS, resolveSettings } from './options.js';

describe('resolveSettings', () => {
  it('applies the defaults', () => {
    const settings = resolveSettings({ pattern: 'uvicorn' });
    expect(settings.intervalMs).toBe(DEFAULT_INTERVAL_SECONDS * 1000);
    expect(settings.durationMs).toBeNull();
    expect(settings.includeChildren).toBe(false);
    expect(settings.target.kind).toBe('pattern');
  });

  it.each([
    [{}, /expected --pattern <text or \/regex\/> or --pid <n>/],
    [{ pattern: 'a', pid: 1 }, /both given: expected exactly one/],
    [{ pid: 0 }, /--pid 0 is invalid/],
    [{ pid: 1.5 }, /--pid 1.5 is invalid/],
    [
      { pattern: 'a', intervalSeconds: 0 },
      /--interval 0 is invalid: expected a number of seconds > 0/,
    ],
    [{ pattern: 'a', durationSeconds: -1 }, /--duration -1 is invalid/],
    [{ pattern: 'a', durationSeconds: Number.NaN }, /--duration NaN is invalid/],
    [{ pid: 5, follow: true }, /--follow needs --pattern/],
    [{ pattern: '/[/' }, /--pattern \/\[\/ is not a valid regex/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveSettings(options)).toThrow(UsageError);
    expect(() => resolveSettings(options)).toThrow(message);
  });
});
