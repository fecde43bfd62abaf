import { tmpdir } from 'node:os';
import { listenForeignServer } from '@rota-perf/core/node';
import { findFreePort } from '@rota-perf/rota-db';
import { describe, expect, it } from 'vitest';
import { runBin } from '../test-support/run-bin.js';

// Each bad input must end the built command with exit code 2 and exactly one stderr line
// that names the problem, without a stack trace.
async function expectUsageError(args: string[], mentions: string, env = {}) {
  const result = await runBin(args, env);
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('db-bench bad input (built command)', () => {
  it('--iterations 0', () =>
    expectUsageError(
      ['--iterations', '0'],
      "--iterations must be an integer from 1 to 1000000, got '0'",
    ));

  it('--iterations abc', () => expectUsageError(['--iterations', 'abc'], "got 'abc'"));

  it('an unknown flag', () =>
    expectUsageError(
      ['--iteration', '5'],
      'db-bench: unknown option "--iteration" (see db-bench --help)',
    ));

  it('a filter that matches no case', () =>
    expectUsageError(['--filter', 'NoSuchCase'], "--filter 'NoSuchCase'"));

  it('a --json path that is a directory', () =>
    expectUsageError(['--json', tmpdir()], `--json ${tmpdir()} is a folder: expected a file path`));

  it('an unreachable database (flag and environment)', async () => {
    const port = await findFreePort(); // free, so nothing listens there
    const url = `postgres://postgres:secret@127.0.0.1:${port}/postgres`;
    await expectUsageError(['--database-url', url], `127.0.0.1:${port}`);
    await expectUsageError([], 'connection refused', { DATABASE_URL: url });
  });

  it('a port that answers HTTP: one connection attempt, one line naming the URL', async () => {
    const server = await listenForeignServer('http');
    try {
      const url = `postgres://perf:s3cret@127.0.0.1:${server.port}/rota`;
      await expectUsageError(
        ['--database-url', url],
        `db-bench: Cannot connect to PostgreSQL at postgres://perf:***@127.0.0.1:${server.port}/rota: it answered HTTP`,
      );
      expect(server.connections()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('prints help with exit code 0', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--include-writes');
    expect(result.stderr).toBe('');
  });
});
