import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { serializeSetupData } from './engine/setup-data.js';
import { parseDuration } from './util/duration.js';

describe('k6-node arguments', () => {
  it('reads run, -e/--env, --quiet and --summary-export', () => {
    expect(
      parseCliArgs([
        'run',
        '-e',
        'A=1',
        '--env',
        'B=x=y',
        '--env=C=3',
        '-q',
        '--summary-export',
        'out.json',
        's.js',
      ]),
    ).toEqual({
      script: 's.js',
      env: { A: '1', B: 'x=y', C: '3' },
      quiet: true,
      summaryExport: 'out.json',
    });
  });

  it.each([
    [['bench', 's.js'], /unknown command "bench"/],
    [['run'], /missing script path/],
    [['run', '-e', 'NOEQUALS', 's.js'], /invalid --env value "NOEQUALS": expected KEY=VALUE/],
    [['run', '--frobnicate', 's.js'], /unknown option "--frobnicate"/],
  ])('rejects %j with exit code 2', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
    try {
      parseCliArgs(argv);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });
});

describe('durations and setup data', () => {
  it('parses k6 durations', () => {
    expect(['1m30s', '200ms', '2s', '1h', '1.5s'].map((d) => parseDuration(d, 't'))).toEqual([
      90_000, 200, 2000, 3_600_000, 1500,
    ]);
    expect(() => parseDuration('soon', 'timeout')).toThrow(/invalid duration "soon" for timeout/);
  });

  it('serialises setup data like k6 (Go times, undefined → null) and refuses functions', () => {
    expect(serializeSetupData({ when: new Date(0), u: undefined, at: new Date(1500) })).toBe(
      '{"when":"1970-01-01T00:00:00Z","u":null,"at":"1970-01-01T00:00:01.5Z"}',
    );
    expect(() => serializeSetupData({ nested: { fn: () => 1 } })).toThrow(
      /'nested.fn' is not JSON-serialisable/,
    );
  });
});
