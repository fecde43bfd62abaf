import { UsageError } from './usage-error.js';

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
  help: boolean;
}

export const HELP_TEXT = `Usage: db-bench [options]

Times every Rota repository method (contract §4) against PostgreSQL.

Options:
  --iterations <n>       measured iterations per case (default 50)
  --warmup <n>           discarded iterations per case, run first (default 5)
  --include-writes       also run the write cases (each rolled back after timing)
  --user-email <email>   synthetic user (env PERF_BENCH_EMAIL, else perf-db@example.com)
  --user-password <pw>   its password (env PERF_BENCH_PASSWORD, else PerfTest@123)
  --json <path>          write results, aggregate and environment as JSON
  --database-url <url>   PostgreSQL to benchmark (env DATABASE_URL); when neither is
                         given, an embedded PostgreSQL is started, migrated and seeded
  --fixture small|large  fixture for the embedded database (default large)
  --filter <pattern>     only cases whose name matches (substring, * wildcard, a,b)
  --concurrency <n>      parallel clients per case (default 1)
  -h, --help             show this help
`;

const VALUE_FLAGS = new Set([
  'iterations',
  'warmup',
  'user-email',
  'user-password',
  'json',
  'database-url',
  'fixture',
  'filter',
  'concurrency',
]);
const BOOLEAN_FLAGS = new Set(['include-writes', 'help']);

/** Parses argv (without node and script) and the environment into options; throws UsageError. */
export function parseDbBenchArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DbBenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}' (see --help)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value, got '${arg}'`);
      flags.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        throw new UsageError(`--${name} expects a value`);
      }
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option '${arg}' (see --help)`);
    }
  }

  const envUrl = nonEmpty(env.DATABASE_URL);
  const databaseUrl = values.get('database-url') ?? envUrl ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(
      `--database-url must be a postgres:// or postgresql:// URL, got '${redact(databaseUrl)}'`,
    );
  }
  const fixture = values.get('fixture') ?? 'large';
  if (fixture !== 'small' && fixture !== 'large') {
    throw new UsageError(`--fixture must be 'small' or 'large', got '${fixture}'`);
  }
  if (values.has('fixture') && databaseUrl !== null) {
    throw new UsageError(
      '--fixture applies only to the embedded database, but a database URL was given',
    );
  }
  const filter = values.get('filter') ?? null;
  if (filter !== null && filter.trim() === '') throw new UsageError('--filter must not be empty');

  return {
    iterations: parseCount('iterations', values.get('iterations'), 50, 1),
    warmup: parseCount('warmup', values.get('warmup'), 5, 0),
    includeWrites: flags.has('include-writes'),
    userEmail: values.get('user-email') ?? nonEmpty(env.PERF_BENCH_EMAIL) ?? 'perf-db@example.com',
    userPassword:
      values.get('user-password') ?? nonEmpty(env.PERF_BENCH_PASSWORD) ?? 'PerfTest@123',
    jsonPath: values.get('json') ?? null,
    databaseUrl,
    fixture,
    filter,
    concurrency: parseCount('concurrency', values.get('concurrency'), 1, 1, 256),
    help: flags.has('help'),
  };
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
