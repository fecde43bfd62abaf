import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../errors.js';
import { formatHelp } from './help.js';
import { parseArgv } from './parse.js';
import type { CommandDef, OptionTable } from './types.js';
import { envPairs, positiveNumber, valueUnlessDefault } from './values.js';

const TABLE: OptionTable = {
  engine: { type: 'string', default: 'auto', value: 'auto|k6|node', description: 'engine' },
  env: { type: 'string', short: 'e', multiple: true, description: 'variables' },
  quiet: { type: 'boolean', short: 'q', description: 'quiet' },
  duration: { type: 'string', description: 'seconds' },
};
const BENCH = { options: TABLE, positionals: [{ name: 'script' }] };

describe('parseArgv', () => {
  it('applies defaults, collects repeated -e and positionals', () => {
    const args = parseArgv(BENCH, ['-e', 'A=1', 'performance', '--env', 'B=x=y', '-q'], 'x bench');
    expect(args.values.engine).toBe('auto');
    expect(args.values.quiet).toBe(true);
    expect(args.positionals).toEqual(['performance']);
    expect(envPairs(args)).toEqual({ A: '1', B: 'x=y' });
    expect(parseArgv(BENCH, ['--engine=k6'], 'x').values.engine).toBe('k6');
  });

  it('names an unknown option in one line and points at --help', () => {
    const parse = () => parseArgv(BENCH, ['--bogus'], 'rota-perf bench');
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/^unknown option "--bogus" \(see rota-perf bench --help\)$/);
    expect(() => parseArgv(BENCH, ['-z'], 'x')).toThrow('unknown option "-z"');
    expect(() => parseArgv(BENCH, ['--bogus=1'], 'x')).toThrow('unknown option "--bogus"');
  });

  it('refuses an extra positional, a missing value and a value on a flag', () => {
    expect(() => parseArgv(BENCH, ['a', 'b'], 'x')).toThrow(/unexpected argument "b"/);
    expect(() => parseArgv(BENCH, ['--engine'], 'x')).toThrow('--engine needs a value');
    expect(() => parseArgv(BENCH, ['--engine', '--quiet'], 'x')).toThrow('--engine needs a value');
    expect(() => parseArgv(BENCH, ['--quiet=1'], 'x')).toThrow('--quiet takes no value');
    const args = parseArgv(BENCH, ['-e', '=1'], 'x');
    expect(() => envPairs(args)).toThrow('-e expects KEY=VALUE, got "=1"');
  });

  it('takes a negative number as a value, and everything after -- as positionals', () => {
    expect(parseArgv(BENCH, ['--duration', '-1'], 'x').values.duration).toBe('-1');
    expect(parseArgv(BENCH, ['--', '--quiet'], 'x').positionals).toEqual(['--quiet']);
  });

  it('checks required positionals unless --help is asked for', () => {
    const report = { options: {}, positionals: [{ name: '<folder>', required: true }] };
    expect(() => parseArgv(report, [], 'rota-perf report')).toThrow(
      new UsageError('missing <folder> (see rota-perf report --help)'),
    );
    expect(parseArgv(report, ['--help'], 'rota-perf report').values.help).toBe(true);
  });

  it('treats a descriptive default as absent, and keeps a given value', () => {
    const table: OptionTable = {
      out: { type: 'string', default: '<folder>/report.html', description: 'w' },
    };
    const given = parseArgv({ options: table }, ['--out', 'x.html'], 'x');
    expect(valueUnlessDefault(given, 'out', table)).toBe('x.html');
    const absent = parseArgv({ options: table }, [], 'x');
    expect(absent.values.out).toBe('<folder>/report.html');
    expect(valueUnlessDefault(absent, 'out', table)).toBeUndefined();
  });

  it('checks positive numbers and names the option and the value', () => {
    const table: OptionTable = { min: { type: 'string', description: 'min' } };
    for (const bad of ['0', '-3', 'abc', '', '1.5']) {
      const args = parseArgv({ options: table }, [`--min=${bad}`], 'x');
      expect(() => positiveNumber(args, 'min', true)).toThrow(ConfigError);
      expect(() => positiveNumber(args, 'min', true)).toThrow(
        `--min must be a positive integer, got "${bad}"`,
      );
    }
    expect(positiveNumber(parseArgv({ options: table }, ['--min', '7'], 'x'), 'min', true)).toBe(7);
  });
});

describe('formatHelp', () => {
  it('lists every option, --help included, with its default, under the usage line', () => {
    const command: CommandDef = {
      name: 'bench',
      summary: 's',
      description: 'Does x.',
      options: TABLE,
      positionals: [{ name: 'script' }],
      run: async () => 0,
    };
    const help = formatHelp(command, 'rota-perf bench');
    expect(help.split('\n')[0]).toBe('Usage: rota-perf bench [script] [options]');
    for (const name of Object.keys(TABLE)) expect(help).toContain(`--${name}`);
    expect(help).toMatch(/--engine auto\|k6\|node\s+engine \(default: auto\)/);
    expect(help).toMatch(/-h, --help/);
  });
});
