import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CommandError,
  ConfigError,
  escapeControl,
  exitCodeFor,
  firstLine,
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

  it('the README exit-code table documents exactly the codes of EXIT_CODES', () => {
    const readme = readFileSync(
      fileURLToPath(new URL('../../../README.md', import.meta.url)),
      'utf8',
    );
    const table = readme.slice(readme.indexOf('**Exit codes**'), readme.indexOf('**Ctrl-C**'));
    const documented = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    const codes: number[] = Object.values(EXIT_CODES);
    // The README documents every code of the table, k6's setup/teardown timeouts and its
    // generic 255 included, and no other.
    expect(documented.sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
    expect(documented).toEqual([0, 1, 2, 99, 100, 101, 104, 105, 107, 108, 255]);
    expect(EXIT_CODES.generic).toBe(255);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('firstLine', () => {
  it('escapes control characters a corrupt file put into a message, keeps tabs and text', () => {
    const error = new Error(
      'Unexpected token \u0007, "\u001b[2J\u0000\u009b\tok" is not valid JSON\nsecond',
    );
    expect(firstLine(error)).toBe(
      'Unexpected token \\x07, "\\x1b[2J\\x00\\x9b\tok" is not valid JSON',
    );
    expect(escapeControl('plain – ünïcode ✓')).toBe('plain – ünïcode ✓');
  });
});
