// Bad input through the built binary: one line on stderr, exit code 2, no stack trace.
import { SCRIPTS } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { ROTA_PERF } from './commands/index.js';
import { runCli } from './test-support/run-cli.js';

function expectOneLineUsageError(
  result: { code: number | null; stderr: string; stdout: string },
  text: string,
) {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(text);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('rota-perf usage errors', () => {
  it('an unknown command', async () => {
    expectOneLineUsageError(await runCli(['benhc']), 'unknown command "benhc"');
  });

  it('an unknown option, for every command: one shape, one message', async () => {
    for (const name of Object.keys(ROTA_PERF.commands)) {
      const result = await runCli([name, '--no-such-option']);
      expectOneLineUsageError(result, 'unknown option "--no-such-option"');
      expect(result.stderr.trimEnd()).toBe(
        `rota-perf ${name}: unknown option "--no-such-option" (see rota-perf ${name} --help)`,
      );
    }
  });

  it.each([
    [['bench', 'perf'], 'unknown script "perf"'],
    [['bench', '--engine', 'k7'], '--engine must be one of auto, k6, node, got "k7"'],
    [['bench', '-e', 'NOVALUE'], '-e expects KEY=VALUE, got "NOVALUE"'],
    [['bench', '--base-url', 'localhost:8001'], '--base-url must be an http(s) URL'],
    // The target comes from -e BASE_URL as in k6 (it was once ignored for the embedded API).
    [['bench', '-e', 'BASE_URL=localhost:8001'], '-e BASE_URL must be an http(s) URL'],
    [['bench'], 'BASE_URL must be an http(s) URL', { BASE_URL: 'localhost:8001' }],
    [['probe'], 'probe needs --adaptive'],
    [['probe', '--adaptive', '--min', '0'], '--min must be a positive integer, got "0"'],
    [['probe', '--adaptive', '--step-duration', '5x'], '5x'],
    [['serve', '--port', '70000'], '--port must be between 0 and 65535'],
    [['run'], 'missing <script.js>'],
    [['report'], 'missing <folder>'],
    [
      ['bootstrap'],
      'INSECURE_SKIP_TLS_VERIFY must be true or false, got "sometimes"',
      { INSECURE_SKIP_TLS_VERIFY: 'sometimes' },
    ],
    [
      ['db-bench', '--iterations', '0'],
      "--iterations must be an integer from 1 to 1000000, got '0'",
    ],
    // start reads the same run options as bench (it once ignored --base-url and BASE_URL's form).
    [['start', '--base-url', 'localhost:8001'], '--base-url must be an http(s) URL'],
  ] as [string[], string, Record<string, string>?][])(
    'bad values name the value and what was expected: %j',
    async (args, message, env) => {
      expectOneLineUsageError(await runCli(args, env), message);
    },
  );

  it('a missing results folder is one line and exit 1', async () => {
    const result = await runCli(['report', '/nonexistent/rota-perf-results']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'rota-perf report: results folder /nonexistent/rota-perf-results does not exist',
    ]);
  });

  it('--help on every command lists its options with defaults and exits 0', async () => {
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    for (const name of Object.keys(ROTA_PERF.commands)) {
      expect(main.stdout).toContain(`  ${name}`);
      const help = await runCli([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(/^Usage: /);
      expect(help.stdout, name).toMatch(/--help/);
    }
    // The table's summaries are the commands' own.
    for (const [name, entry] of Object.entries(ROTA_PERF.commands)) {
      expect((await entry.load()).summary, name).toBe(entry.summary);
    }
    const bench = await runCli(['bench', '--help']);
    // The scripts come from the registry, with their aliases and results files.
    for (const s of SCRIPTS) {
      expect(bench.stdout).toMatch(
        new RegExp(`\\n  ${[s.name, ...s.aliases].join(', ')}\\s+${s.summary} → ${s.resultsFile}`),
      );
    }
    expect(bench.stdout).toMatch(/--engine auto\|k6\|node .*\(default: auto\)/);
    expect(bench.stdout).toMatch(/--fixture small\|large .*\(default: small\)/);
    const probe = await runCli(['probe', '--help']);
    for (const [flag, value] of [
      ['min', '10'],
      ['max', '200'],
      ['precision', '5'],
      ['step-duration', '30s'],
    ]) {
      expect(probe.stdout).toMatch(new RegExp(`--${flag} .*\\(default: ${value}\\)`));
    }
  });
});
