import { describe, expect, it } from 'vitest';
import {
  CommandError,
  ConfigError,
  exitCodeFor,
  InterruptedError,
  RotaPerfError,
  UsageError,
} from './errors.js';
import { EXIT_CODES } from './exit-codes.js';

describe('error classes and the exit-code table', () => {
  it('each class carries its exit code and is told apart with instanceof', () => {
    const cases: [RotaPerfError, number][] = [
      [new UsageError('x'), 2],
      [new ConfigError('TARGET_RPS', 'x'), 2],
      [new InterruptedError('x'), 105],
      [new CommandError('x'), 1],
    ];
    for (const [error, code] of cases) {
      expect(error).toBeInstanceOf(RotaPerfError);
      expect(error).toBeInstanceOf(Error);
      expect(error.exitCode).toBe(code);
      expect(exitCodeFor(error)).toBe(code);
    }
    expect(new ConfigError('X', 'x')).not.toBeInstanceOf(UsageError);
    expect(new ConfigError('TARGET_RPS', 'm').variable).toBe('TARGET_RPS');
  });

  it('a name alone does not make an error ours (no matching by name string)', () => {
    const impostor = Object.assign(new Error('x'), { name: 'UsageError' });
    expect(exitCodeFor(impostor)).toBe(1);
    expect(exitCodeFor('a string')).toBe(1);
  });

  it('matches the README and k6 (errext/exitcodes)', () => {
    expect(EXIT_CODES).toEqual({
      ok: 0,
      failure: 1,
      usage: 2,
      thresholds: 99,
      invalidConfig: 104,
      externalAbort: 105,
      scriptException: 107,
      scriptAborted: 108,
      generic: 255,
    });
  });
});
