import { describe, expect, it } from 'vitest';
import { formatK6Duration, parseK6Duration } from './duration.js';
import { SweepConfigError } from './errors.js';

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
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseK6Duration(text, 'X')).toBeCloseTo(seconds, 9);
  });

  it.each(['', 'abc', '-5s', '1x', '30 s', '1m30', 's', '1.2.3s', '10sec', '5d'])(
    'rejects %j with one line naming the variable',
    (text) => {
      const attempt = () => parseK6Duration(text, 'PROBE_STEP_DURATION');
      expect(attempt).toThrow(SweepConfigError);
      expect(attempt).toThrow(
        `PROBE_STEP_DURATION must be a k6 duration such as 30s, 1m30s or 500ms, got ${JSON.stringify(text)}`,
      );
      try {
        attempt();
      } catch (error) {
        expect((error as SweepConfigError).variable).toBe('PROBE_STEP_DURATION');
        expect((error as Error).message).not.toContain('\n');
      }
    },
  );
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
