import { describe, expect, it } from 'vitest';
import { formatK6Duration, parseK6Duration } from './duration.js';
import { ConfigError } from './errors.js';

describe('parseK6Duration', () => {
  it.each([
    ['30s', 30],
    ['1m30s', 60 + 30],
    ['500ms', 0.5],
    ['1h2m3s', 3600 + 2 * 60 + 3],
    ['2.5s', 2.5],
    ['45', 45],
    ['0', 0],
    [' 10s ', 10],
    ['1m0.5s', 60.5],
    ['250us', 250e-6],
    ['2m', 120],
    ['1h', 3600],
    // Go's time.ParseDuration forms, as k6 reads them.
    ['.5s', 0.5],
    ['1.s', 1],
    ['1h2m', 3600 + 120],
    ['300ms', 0.3],
    ['1.5m', 90],
    ['1us', 1e-6],
    ['1µs', 1e-6],
    ['1μs', 1e-6],
    ['2ns', 2e-9],
    ['+5s', 5],
    ['1h1m1s1ms1us1ns', 3661 + 1e-3 + 1e-6 + 1e-9],
    // A bare number means seconds for our variables (the README's rule; Go wants a unit).
    ['.5', 0.5],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseK6Duration(text, 'X')).toBeCloseTo(seconds, 9);
  });

  it.each([
    '',
    'abc',
    '-5s',
    '1x',
    '30 s',
    '1m30',
    's',
    '1.2.3s',
    '10sec',
    '5d',
    '.s',
    '1m.',
    'ms',
    '--1s',
  ])('rejects %j with one line naming the variable', (text) => {
    const attempt = () => parseK6Duration(text, 'PROBE_STEP_DURATION');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      `PROBE_STEP_DURATION must be a k6 duration such as 30s, 1m30s or 500ms, got ${JSON.stringify(text)}`,
    );
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).variable).toBe('PROBE_STEP_DURATION');
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('formatK6Duration', () => {
  it.each([
    [0, '0s'],
    [30, '30s'],
    [90, '1m30s'],
    [0.5, '500ms'],
    [2.5, '2s500ms'],
    [3723, '1h2m3s'],
    [3600, '1h'],
    [120, '2m'],
  ])('writes %d seconds as %j', (seconds, text) => {
    expect(formatK6Duration(seconds)).toBe(text);
  });

  it('round-trips through parseK6Duration at millisecond resolution', () => {
    for (let ms = 0; ms < 4_000_000; ms += 7919) {
      const seconds = ms / 1000;
      expect(parseK6Duration(formatK6Duration(seconds), 'X')).toBeCloseTo(seconds, 6);
    }
  });

  it('refuses negative and non-finite input', () => {
    expect(() => formatK6Duration(-1)).toThrow(RangeError);
    expect(() => formatK6Duration(Number.NaN)).toThrow(RangeError);
  });
});
