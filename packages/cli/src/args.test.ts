import { describe, expect, it } from 'vitest';
import {
  envPairs,
  formatHelp,
  type OptionTable,
  parseCommandArgs,
  positiveNumber,
  requiredPositional,
  valueUnlessDefault,
} from './args.js';
import { exitCodeFor, InterruptedError, UsageError } from './errors.js';

const TABLE: OptionTable = {
  engine: { type: 'string', default: 'auto', value: 'auto|k6|node', description: 'engine' },
  env: { type: 'string', short: 'e', multiple: true, description: 'variables' },
  quiet: { type: 'boolean', short: 'q', description: 'quiet' },
};

describe('valueUnlessDefault and requiredPositional', () => {
  const table: OptionTable = {
    out: { type: 'string', default: '<folder>/report.html', description: 'where' },
  };

  it('treats a descriptive default as absent, and keeps a given value', () => {
    const given = parseCommandArgs('report', ['--out', 'x.html', 'dir'], table, 1);
    expect(valueUnlessDefault(given, 'out', table)).toBe('x.html');
    expect(requiredPositional(given, 'report', '<folder>')).toBe('dir');
    const absent = parseCommandArgs('report', [], table, 1);
    expect(absent.values.out).toBe(table.out?.default);
    expect(valueUnlessDefault(absent, 'out', table)).toBeUndefined();
  });

  it('names the missing positional and the command', () => {
    const args = parseCommandArgs('report', [], table, 1);
    expect(() => requiredPositional(args, 'report', '<folder>')).toThrow(
      new UsageError('missing <folder> (see rota-perf report --help)'),
    );
  });
});

describe('parseCommandArgs', () => {
  it('applies defaults, collects repeated -e and positionals', () => {
    const args = parseCommandArgs(
      'bench',
      ['-e', 'A=1', 'performance', '--env', 'B=x=y', '-q'],
      TABLE,
      1,
    );
    expect(args.values.engine).toBe('auto');
    expect(args.values.quiet).toBe(true);
    expect(args.positionals).toEqual(['performance']);
    expect(envPairs(args)).toEqual({ A: '1', B: 'x=y' });
  });

  it('names an unknown option in one line and points at --help', () => {
    const parse = () => parseCommandArgs('bench', ['--bogus'], TABLE, 1);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/^Unknown option '--bogus' \(see rota-perf bench --help\)$/);
  });

  it('refuses an extra positional and a malformed -e pair', () => {
    expect(() => parseCommandArgs('bench', ['a', 'b'], TABLE, 1)).toThrow(
      /unexpected argument "b"/,
    );
    const args = parseCommandArgs('bench', ['-e', '=1'], TABLE, 1);
    expect(() => envPairs(args)).toThrow('-e expects KEY=VALUE, got "=1"');
  });

  it('checks positive numbers and names the option and the value', () => {
    const table: OptionTable = { min: { type: 'string', description: 'min' } };
    for (const bad of ['0', '-3', 'abc', '', '1.5']) {
      const args = parseCommandArgs('probe', [`--min=${bad}`], table, 0);
      expect(() => positiveNumber(args, 'min', true)).toThrow(
        `--min must be a positive integer, got "${bad}"`,
      );
    }
    expect(positiveNumber(parseCommandArgs('probe', ['--min', '7'], table, 0), 'min', true)).toBe(
      7,
    );
  });
});

describe('formatHelp', () => {
  it('lists every option, --help included, with its default', () => {
    const help = formatHelp('rota-perf x', 'Does x.', TABLE);
    for (const name of Object.keys(TABLE)) expect(help).toContain(`--${name}`);
    expect(help).toMatch(/--engine auto\|k6\|node\s+engine \(default: auto\)/);
    expect(help).toMatch(/-h, --help/);
  });
});

describe('exitCodeFor', () => {
  it('maps usage errors of every package to 2, interrupts to 105, the rest to 1', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    for (const name of ['MonitorUsageError', 'SweepConfigError', 'ConfigError']) {
      expect(exitCodeFor(named(name))).toBe(2);
    }
    expect(exitCodeFor(new InterruptedError('x'))).toBe(105);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
  });
});
