// Bad input and hostile surroundings, one case each: the argv, the exit code and the one stderr
// line expected. The e2e test `bad-input.e2e.test.ts` runs every case against the built bin;
// the reliability suite can run the same list. `{foreign}` in argv is the port of a loopback
// server that answers `foreign` (not PostgreSQL); it must see at most `maxConnections`.
import type { ForeignAnswer } from '@rota-perf/core/node';

/** One invocation and what it must end with. */
export interface BadInputCase {
  name: string;
  argv: string[];
  expectExit: number;
  /** The one line on stderr (other lines may only be progress lines the command announces). */
  expectStderr: RegExp;
  /** Start a foreign server for `{foreign}` in argv. */
  foreign?: ForeignAnswer;
  /** Connections the foreign server may see (default 1). */
  maxConnections?: number;
  env?: Record<string, string>;
}

const FOREIGN_DB = 'postgres://perf:s3cret@127.0.0.1:{foreign}/rota';
// A target nobody listens on: a run that starts anyway fails fast instead of loading.
const NO_TARGET = 'http://127.0.0.1:9';
const HTTP_ANSWER =
  /^rota-perf \S+: (--database-url|Cannot connect to PostgreSQL at) postgres:\/\/perf:\*\*\*@127\.0\.0\.1:\d+\/rota:? ?.*it answered HTTP \("HTTP\/1\.1 400 Bad Request"\), not the PostgreSQL protocol$/;

/** Every case; names are unique. */
export const BAD_INPUT_CASES: BadInputCase[] = [
  {
    name: 'db-bench --database-url at a port that answers HTTP',
    argv: ['db-bench', '--database-url', FOREIGN_DB],
    foreign: 'http',
    expectExit: 2,
    expectStderr: HTTP_ANSWER,
  },
  {
    name: 'db-bench --database-url at a port that answers random bytes',
    argv: ['db-bench', '--database-url', FOREIGN_DB],
    foreign: 'bytes',
    expectExit: 2,
    expectStderr: /it answered 10 bytes that are not the PostgreSQL protocol \(hex 00 1b 5b 32/,
  },
  {
    name: 'db-bench --database-url at a port that answers TLS',
    argv: ['db-bench', '--database-url', FOREIGN_DB],
    foreign: 'tls',
    expectExit: 2,
    expectStderr: /: it answered with TLS, not the PostgreSQL protocol$/,
  },
  {
    name: 'serve --database-url at a port that answers HTTP',
    argv: ['serve', '--database-url', FOREIGN_DB],
    foreign: 'http',
    expectExit: 2,
    expectStderr: HTTP_ANSWER,
  },
  {
    name: 'bench --database-url (pg-insights) at a port that answers HTTP',
    argv: ['bench', 'performance', '--base-url', NO_TARGET, '--database-url', FOREIGN_DB],
    foreign: 'http',
    expectExit: 2,
    expectStderr: HTTP_ANSWER,
  },
  {
    name: 'start --database-url at a port that answers random bytes',
    argv: ['start', '--base-url', NO_TARGET, '--database-url', FOREIGN_DB],
    foreign: 'bytes',
    expectExit: 2,
    expectStderr:
      /^rota-perf start: --database-url postgres:\/\/perf:\*\*\*@.*not the PostgreSQL protocol/,
  },
  {
    name: 'serve --port -1',
    argv: ['serve', '--port', '-1'],
    expectExit: 2,
    expectStderr: /^rota-perf serve: --port must be between 0 and 65535, got "-1"$/,
  },
  {
    name: 'serve --port=-1',
    argv: ['serve', '--port=-1'],
    expectExit: 2,
    expectStderr: /^rota-perf serve: --port must be between 0 and 65535, got "-1"$/,
  },
  {
    name: 'serve --port 70000',
    argv: ['serve', '--port', '70000'],
    expectExit: 2,
    expectStderr: /^rota-perf serve: --port must be between 0 and 65535, got "70000"$/,
  },
  {
    name: 'serve --host that does not resolve',
    argv: ['serve', '--host', 'no-such-host.invalid'],
    expectExit: 2,
    expectStderr:
      /^rota-perf serve: cannot listen on no-such-host\.invalid:0: unknown host "no-such-host\.invalid"$/,
  },
  {
    name: 'serve --host that is not an address of this machine',
    argv: ['serve', '--host', '192.0.2.1'],
    expectExit: 2,
    expectStderr:
      /^rota-perf serve: cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine$/,
  },
  {
    name: 'serve --fixture huge',
    argv: ['serve', '--fixture', 'huge'],
    expectExit: 2,
    expectStderr: /^rota-perf serve: --fixture must be one of small, large, got "huge"$/,
  },
  {
    name: 'serve with a short JWT_SECRET',
    argv: ['serve'],
    env: { JWT_SECRET: 'short' },
    expectExit: 2,
    expectStderr: /^rota-perf serve: JWT_SECRET is too short \(5 chars\)/,
  },
  {
    name: 'serve with a bad ROTA_API_BODY_LIMIT',
    argv: ['serve'],
    env: { ROTA_API_BODY_LIMIT: 'abc' },
    expectExit: 2,
    expectStderr:
      /^rota-perf serve: ROTA_API_BODY_LIMIT="abc" is invalid: expected an integer >= 1$/,
  },
  {
    name: 'serve with a bad ROTA_API_TAG_STATEMENTS',
    argv: ['serve'],
    env: { ROTA_API_TAG_STATEMENTS: 'maybe' },
    expectExit: 2,
    expectStderr: /^rota-perf serve: ROTA_API_TAG_STATEMENTS must be true or false, got "maybe"$/,
  },
  {
    name: 'serve with ENV=production and no JWT_SECRET',
    argv: ['serve'],
    env: { ENV: 'production' },
    expectExit: 2,
    expectStderr: /^rota-perf serve: JWT_SECRET is not set: required when ENV=production/,
  },
  {
    name: 'db-bench --iterations -1',
    argv: ['db-bench', '--iterations', '-1'],
    expectExit: 2,
    expectStderr:
      /^rota-perf db-bench: --iterations must be an integer from 1 to 1000000, got '-1'$/,
  },
  {
    name: 'probe --min -1',
    argv: ['probe', '--adaptive', '--base-url', NO_TARGET, '--min', '-1'],
    expectExit: 2,
    expectStderr: /^rota-perf probe: --min must be a positive integer, got "-1"$/,
  },
  {
    name: 'bench --monitor-interval -1',
    argv: ['bench', 'performance', '--base-url', NO_TARGET, '--monitor-interval', '-1'],
    expectExit: 2,
    expectStderr: /^rota-perf bench: --monitor-interval must be a positive number, got "-1"$/,
  },
  // Every variable a script reads is checked before anything starts, shared ones included
  // (one line, exit 2): not after a whole test (SUMMARY_STDOUT, read by handleSummary) or
  // after the target started (LOGIN_USER_POOL, read by setup).
  {
    name: 'bench -e SUMMARY_STDOUT=maybe',
    argv: ['bench', 'performance', '--base-url', NO_TARGET, '-e', 'SUMMARY_STDOUT=maybe'],
    expectExit: 2,
    expectStderr: /^rota-perf bench: SUMMARY_STDOUT must be true or false, got "maybe"$/,
  },
  {
    name: 'bench -e LOGIN_USER_POOL=5000',
    argv: ['bench', 'performance', '--base-url', NO_TARGET, '-e', 'LOGIN_USER_POOL=5000'],
    expectExit: 2,
    expectStderr:
      /^rota-perf bench: LOGIN_USER_POOL must be a whole number from 0 to 1000, got "5000"$/,
  },
  {
    name: 'bench progress-write -e LOGIN_USER_POOL=-1',
    argv: ['bench', 'progress-write', '--base-url', NO_TARGET, '-e', 'LOGIN_USER_POOL=-1'],
    expectExit: 2,
    expectStderr:
      /^rota-perf bench: LOGIN_USER_POOL must be a whole number from 0 to 1000, got "-1"$/,
  },
  {
    name: 'bench progress-probe with a bad AUTH_EMAIL in the environment',
    argv: ['bench', 'progress-probe', '--base-url', NO_TARGET],
    env: { AUTH_EMAIL: 'nobody' },
    expectExit: 2,
    expectStderr:
      /^rota-perf bench: AUTH_EMAIL must be an email address like name@example\.com, got "nobody"$/,
  },
  {
    name: 'start -e SUMMARY_STDOUT=maybe',
    argv: ['start', '--base-url', NO_TARGET, '-e', 'SUMMARY_STDOUT=maybe'],
    expectExit: 2,
    expectStderr: /^rota-perf start: SUMMARY_STDOUT must be true or false, got "maybe"$/,
  },
  {
    name: 'probe --adaptive -e LOGIN_USER_POOL=5000',
    argv: ['probe', '--adaptive', '--base-url', NO_TARGET, '-e', 'LOGIN_USER_POOL=5000'],
    expectExit: 2,
    expectStderr:
      /^rota-perf probe: LOGIN_USER_POOL must be a whole number from 0 to 1000, got "5000"$/,
  },
  {
    name: 'mem-monitor --interval -1',
    argv: ['mem-monitor', '--pid', '1', '--interval', '-1'],
    expectExit: 2,
    expectStderr:
      /^rota-perf mem-monitor: --interval -1 is invalid: expected a number of seconds > 0$/,
  },
  ...unwritableCases(),
];

// Every command that writes files, pointed under /proc: one line before the run, exit 2.
function unwritableCases(): BadInputCase[] {
  const where = (option: string, path: string, kind: 'folder' | 'file path') =>
    new RegExp(
      `^rota-perf \\S+: ${option} ${path.replace(/\./g, '\\.')}: cannot write to /proc\\S* \\(ENOENT\\); expected a writable ${kind}$`,
    );
  return [
    {
      name: 'bench --out under /proc',
      argv: ['bench', 'performance', '--base-url', NO_TARGET, '--out', '/proc/rota-perf'],
      expectExit: 2,
      expectStderr: where('--out', '/proc/rota-perf', 'folder'),
    },
    {
      name: 'start --out under /proc',
      argv: ['start', '--base-url', NO_TARGET, '--out', '/proc/rota-perf/x'],
      expectExit: 2,
      expectStderr: where('--out', '/proc/rota-perf/x', 'folder'),
    },
    {
      name: 'probe --out under /proc',
      argv: ['probe', '--adaptive', '--base-url', NO_TARGET, '--out', '/proc/rota-perf'],
      expectExit: 2,
      expectStderr: where('--out', '/proc/rota-perf', 'folder'),
    },
    {
      name: 'db-bench --json under /proc',
      argv: ['db-bench', '--json', '/proc/db.json'],
      expectExit: 2,
      expectStderr: where('--json', '/proc/db.json', 'file path'),
    },
    {
      name: 'mem-monitor --output under /proc',
      argv: ['mem-monitor', '--pid', '1', '--duration', '1', '--output', '/proc/m.csv'],
      expectExit: 2,
      expectStderr: where('--output', '/proc/m.csv', 'file path'),
    },
    {
      name: 'report --out under /proc',
      argv: ['report', '.', '--out', '/proc/report.html'],
      expectExit: 2,
      expectStderr: where('--out', '/proc/report.html', 'file path'),
    },
    {
      name: 'run --summary-export under /proc',
      argv: ['run', '--summary-export', '/proc/s.json', 'script.js'],
      expectExit: 2,
      expectStderr: where('--summary-export', '/proc/s.json', 'file path'),
    },
    {
      name: 'run --out json= under /proc',
      argv: ['run', '--out', 'json=/proc/x.ndjson', 'script.js'],
      expectExit: 2,
      expectStderr: where('--out', '/proc/x.ndjson', 'file path'),
    },
  ];
}
