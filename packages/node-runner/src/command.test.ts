import { runCaptured } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, runCommand } from './command.js';
import { serializeSetupData } from './engine/setup-data.js';
import { parseDuration } from './util/duration.js';

describe('k6-node arguments', () => {
  it('reads run, -e/--env, --quiet and --summary-export', () => {
    expect(
      parseCliArgs([
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
      outputs: [],
    });
  });

  it('reads --out (repeatable, -o) and --series', () => {
    expect(
      parseCliArgs(['--out', 'json=a.ndjson', '-o', 'csv=b.csv', '--series', 's.json', 's.js']),
    ).toEqual({
      script: 's.js',
      env: {},
      quiet: false,
      outputs: [
        { type: 'json', path: 'a.ndjson' },
        { type: 'csv', path: 'b.csv' },
      ],
      seriesFile: 's.json',
    });
  });

  it("an unknown --out type: k6's line, exit code 255, nothing run", async () => {
    const run = await runCaptured(runCommand, ['run', '--out', 'influxdb=http://x', 'missing.js'], {
      program: 'k6-node',
    });
    expect(run).toEqual({
      code: 255,
      out: [],
      err: ["k6-node run: invalid output type 'influxdb', available types are: csv, json"],
    });
  });

  it.each([
    [['bench', 's.js'], 'k6-node: unknown command "bench": expected run (see k6-node --help)'],
    [['run'], 'k6-node run: missing <script.js> (see k6-node run --help)'],
    [['run', '-e', 'NOEQUALS', 's.js'], 'k6-node run: -e expects KEY=VALUE, got "NOEQUALS"'],
    [
      ['run', '--frobnicate', 's.js'],
      'k6-node run: unknown option "--frobnicate" (see k6-node run --help)',
    ],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    const run = await runCaptured(runCommand, argv, { program: 'k6-node' });
    expect(run).toEqual({ code: 2, out: [], err: [message] });
  });
});

describe('durations and setup data', () => {
  it('parses k6 durations', () => {
    const texts = ['1m30s', '200ms', '2s', '1h', '1.5s', '.5s', '1h2m'];
    expect(texts.map((d) => parseDuration(d, 't'))).toEqual([
      90_000, 200, 2000, 3_600_000, 1500, 500, 3_720_000,
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
