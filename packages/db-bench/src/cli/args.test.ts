import { UsageError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { parseDbBenchArgs, redact } from './args.js';

const parse = (argv: string[], env: Record<string, string | undefined> = {}) =>
  parseDbBenchArgs(argv, env);

function usageMessage(argv: string[], env: Record<string, string | undefined> = {}): string {
  try {
    parse(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseDbBenchArgs', () => {
  it('has the original defaults', () => {
    expect(parse([])).toEqual({
      iterations: 50,
      warmup: 5,
      includeWrites: false,
      userEmail: 'perf-db@example.com',
      userPassword: 'PerfTest@123',
      jsonPath: null,
      databaseUrl: null,
      fixture: 'large',
      filter: null,
      concurrency: 1,
      explain: false,
    });
  });

  it('--explain includes the write cases', () => {
    expect(parse(['--explain'])).toMatchObject({ explain: true, includeWrites: true });
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    const options = parse([
      '--iterations=3',
      '--warmup',
      '0',
      '--include-writes',
      '--user-email',
      'a@b.c',
      '--user-password=pw',
      '--json',
      'out/x.json',
      '--fixture',
      'small',
      '--filter',
      'Users*',
      '--concurrency',
      '8',
    ]);
    expect(options).toMatchObject({
      iterations: 3,
      warmup: 0,
      includeWrites: true,
      userEmail: 'a@b.c',
      userPassword: 'pw',
      jsonPath: 'out/x.json',
      fixture: 'small',
      filter: 'Users*',
      concurrency: 8,
    });
  });

  it('takes the user and the database from the environment, flags first', () => {
    const env = {
      PERF_BENCH_EMAIL: 'env@x.y',
      PERF_BENCH_PASSWORD: 'envpw',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
    };
    expect(parse([], env)).toMatchObject({
      userEmail: 'env@x.y',
      userPassword: 'envpw',
      databaseUrl: env.DATABASE_URL,
    });
    const flagUrl = 'postgresql://other/db';
    expect(parse(['--user-email', 'f@x.y', '--database-url', flagUrl], env)).toMatchObject({
      userEmail: 'f@x.y',
      databaseUrl: flagUrl,
    });
  });

  it('names the bad value and what was expected', () => {
    expect(usageMessage(['--iterations', '0'])).toBe(
      "--iterations must be an integer from 1 to 1000000, got '0'",
    );
    expect(usageMessage(['--iterations', 'abc'])).toContain("got 'abc'");
    expect(usageMessage(['--warmup', '-1'])).toContain('--warmup');
    expect(usageMessage(['--concurrency', '2.5'])).toContain("got '2.5'");
    expect(usageMessage(['--fixture', 'huge'])).toBe(
      "--fixture must be 'small' or 'large', got 'huge'",
    );
    expect(usageMessage(['--bogus'])).toBe('unknown option "--bogus" (see db-bench --help)');
    expect(usageMessage(['--json'])).toBe('--json needs a value (see db-bench --help)');
    expect(usageMessage(['--include-writes=yes'])).toContain('takes no value');
    expect(usageMessage(['stray'])).toContain('"stray"');
    expect(usageMessage(['--database-url', 'mysql://x'])).toContain('postgres://');
    expect(usageMessage(['--fixture', 'small'], { DATABASE_URL: 'postgres://h/db' })).toContain(
      '--fixture',
    );
  });
});

describe('redact', () => {
  it('hides the password of a URL', () => {
    expect(redact('postgres://user:secret@host:5432/db')).toBe('postgres://user:***@host:5432/db');
    expect(redact('postgres://host/db')).toBe('postgres://host/db');
  });
});
