import {
  type OptionTable,
  type ParsedArgs,
  parseArgv,
  stringValue,
  UsageError,
} from '@rota-perf/core';

/** The fixture the embedded database is seeded with. */
export type FixtureName = 'small' | 'large';

/** Everything the db-bench command was asked to do. */
export interface DbBenchOptions {
  iterations: number;
  warmup: number;
  includeWrites: boolean;
  userEmail: string;
  userPassword: string;
  jsonPath: string | null;
  /** null: start an embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Only for the embedded database. */
  fixture: FixtureName;
  filter: string | null;
  concurrency: number;
  /** EXPLAIN each case's statements and sample its waits (includes the write cases). */
  explain: boolean;
}

/** The options table: parsing and `--help` come from it. */
export const DB_BENCH_OPTIONS: OptionTable = {
  iterations: {
    type: 'string',
    value: '<n>',
    default: '50',
    description: 'measured iterations per case',
  },
  warmup: {
    type: 'string',
    value: '<n>',
    default: '5',
    description: 'discarded iterations per case, run first',
  },
  'include-writes': {
    type: 'boolean',
    description: 'also run the write cases (each rolled back after timing)',
  },
  'user-email': {
    type: 'string',
    value: '<email>',
    description: 'synthetic user (default: PERF_BENCH_EMAIL, else perf-db@example.com)',
  },
  'user-password': {
    type: 'string',
    value: '<pw>',
    description: 'its password (default: PERF_BENCH_PASSWORD, else PerfTest@123)',
  },
  json: {
    type: 'string',
    value: '<path>',
    description: 'write results, aggregate and environment as JSON (atomically)',
  },
  'database-url': {
    type: 'string',
    value: '<url>',
    description:
      'PostgreSQL to benchmark (default: DATABASE_URL; with neither, an embedded PostgreSQL is started, migrated and seeded)',
  },
  fixture: {
    type: 'string',
    value: 'small|large',
    description: 'fixture for the embedded database (default: large)',
  },
  filter: {
    type: 'string',
    value: '<pattern>',
    description: 'only cases whose name matches (substring, * wildcard, a,b)',
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    default: '1',
    description: 'parallel clients per case',
  },
  explain: {
    type: 'boolean',
    description:
      'also EXPLAIN (ANALYZE, BUFFERS) the statements of each case (rolled back) and sample its waits while timed; includes the write cases',
  },
};

/** Reads parsed arguments and the environment into options; a bad value is a UsageError. */
export function readDbBenchOptions(
  args: ParsedArgs,
  env: Readonly<Record<string, string | undefined>>,
): DbBenchOptions {
  const value = (name: string) => stringValue(args, name);
  const envUrl = nonEmpty(env.DATABASE_URL);
  const databaseUrl = value('database-url') ?? envUrl ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(
      `--database-url must be a postgres:// or postgresql:// URL, got '${redact(databaseUrl)}'`,
    );
  }
  const fixture = value('fixture') ?? 'large';
  if (fixture !== 'small' && fixture !== 'large') {
    throw new UsageError(`--fixture must be 'small' or 'large', got '${fixture}'`);
  }
  if (value('fixture') !== undefined && databaseUrl !== null) {
    throw new UsageError(
      '--fixture applies only to the embedded database, but a database URL was given',
    );
  }
  const filter = value('filter') ?? null;
  if (filter !== null && filter.trim() === '') throw new UsageError('--filter must not be empty');

  const explain = args.values.explain === true;
  return {
    iterations: parseCount('iterations', value('iterations'), 50, 1),
    warmup: parseCount('warmup', value('warmup'), 5, 0),
    // The writes are what most needs explaining, and everything is rolled back.
    includeWrites: args.values['include-writes'] === true || explain,
    userEmail: value('user-email') ?? nonEmpty(env.PERF_BENCH_EMAIL) ?? 'perf-db@example.com',
    userPassword: value('user-password') ?? nonEmpty(env.PERF_BENCH_PASSWORD) ?? 'PerfTest@123',
    jsonPath: value('json') ?? null,
    databaseUrl,
    fixture,
    filter,
    concurrency: parseCount('concurrency', value('concurrency'), 1, 1, 256),
    explain,
  };
}

/** Parses argv (without node and script) and the environment; throws UsageError. */
export function parseDbBenchArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DbBenchOptions {
  return readDbBenchOptions(parseArgv({ options: DB_BENCH_OPTIONS }, argv, 'db-bench'), env);
}

function parseCount(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = 1_000_000,
): number {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The URL without its password, safe to print. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
