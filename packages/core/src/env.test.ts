import { describe, expect, it } from 'vitest';
import { readBoolean, readDuration, readNumber, readTolerance } from './env.js';
import { ConfigError } from './errors.js';

const positiveInt = { min: 1, integer: true };

describe('readNumber', () => {
  it('takes the default when the variable is unset or blank', () => {
    expect(readNumber({}, 'PROBE_STEP_RPS', 10, positiveInt)).toBe(10);
    expect(readNumber({ PROBE_STEP_RPS: '' }, 'PROBE_STEP_RPS', 10, positiveInt)).toBe(10);
    expect(readNumber({ PROBE_STEP_RPS: '  ' }, 'PROBE_STEP_RPS', 10, positiveInt)).toBe(10);
  });

  it('reads decimal, signed and exponent forms', () => {
    expect(readNumber({ A: '25' }, 'A', 1, positiveInt)).toBe(25);
    expect(readNumber({ A: ' 7 ' }, 'A', 1)).toBe(7);
    expect(readNumber({ A: '-2.5' }, 'A', 1)).toBe(-2.5);
    expect(readNumber({ A: '1e3' }, 'A', 1)).toBe(1000);
  });

  it.each([
    ['abc', positiveInt, 'PROBE_STEP_RPS must be a positive integer, got "abc"'],
    ['0', positiveInt, 'PROBE_STEP_RPS must be a positive integer, got "0"'],
    ['2.5', positiveInt, 'PROBE_STEP_RPS must be a positive integer, got "2.5"'],
    ['12abc', positiveInt, 'PROBE_STEP_RPS must be a positive integer, got "12abc"'],
    ['-1', { min: 0, integer: true }, 'PROBE_STEP_RPS must be a non-negative integer, got "-1"'],
    [
      '11',
      { min: 1, max: 10, integer: true },
      'PROBE_STEP_RPS must be an integer between 1 and 10, got "11"',
    ],
    ['0', { above: 0 }, 'PROBE_STEP_RPS must be a positive number, got "0"'],
    ['Infinity', {}, 'PROBE_STEP_RPS must be a number, got "Infinity"'],
  ])('rejects %j under %j', (raw, rule, message) => {
    const attempt = () => readNumber({ PROBE_STEP_RPS: raw }, 'PROBE_STEP_RPS', 10, rule);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});

describe('readBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['No', false],
    ['off', false],
  ])('reads %j as %s', (raw, value) => {
    expect(readBoolean({ FLAG: raw }, 'FLAG', !value)).toBe(value);
  });

  it('defaults when unset and rejects anything else', () => {
    expect(readBoolean({}, 'FLAG', true)).toBe(true);
    expect(() => readBoolean({ FLAG: 'maybe' }, 'FLAG', true)).toThrow(
      'FLAG must be true or false, got "maybe"',
    );
  });
});

describe('readTolerance', () => {
  it('accepts fractions from 0 to 1', () => {
    expect(readTolerance({ T: '0.05' }, 'T', 0.01)).toBe(0.05);
    expect(readTolerance({ T: '0' }, 'T', 0.01)).toBe(0);
    expect(readTolerance({ T: '1' }, 'T', 0.01)).toBe(1);
    expect(readTolerance({}, 'T', 0.01)).toBe(0.01);
  });

  it('rejects percentages and junk', () => {
    expect(() => readTolerance({ T: '5' }, 'T', 0.01)).toThrow(
      'T must be a number between 0 and 1, got "5"',
    );
    expect(() => readTolerance({ T: '1%' }, 'T', 0.01)).toThrow('got "1%"');
  });
});

describe('readDuration', () => {
  it('reads k6 text and falls back to the default text', () => {
    expect(readDuration({ D: '1m30s' }, 'D', '30s')).toBe(90);
    expect(readDuration({}, 'D', '30s')).toBe(30);
    expect(() => readDuration({ D: '1 minute' }, 'D', '30s')).toThrow(
      'D must be a k6 duration such as 30s, 1m30s or 500ms, got "1 minute"',
    );
  });
});
