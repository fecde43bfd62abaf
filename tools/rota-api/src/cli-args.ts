import { parseArgs } from 'node:util';
import type { BootOptions } from './boot.js';

/** A command-line mistake; the bin prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: rota-api [--port N] [--host H] [--tls] [--fixture small|large] [--database-url URL]

Starts the reference Rota API (embedded PostgreSQL unless --database-url or DATABASE_URL).
Env: JWT_SECRET, CSRF_SECRET, COOKIE_NAME, CSRF_COOKIE_NAME, AUTH_RATE_LIMIT_MAX_ATTEMPTS,
AUTH_RATE_LIMIT_WINDOW_SECONDS, ENV.`;

/** Parses `rota-api` arguments; `help` is true for --help. */
export function parseCliArgs(
  argv: string[],
  env: Record<string, string | undefined>,
): { help: boolean; options: BootOptions } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values } = parsed;
  const options: BootOptions = { host: values.host ?? '127.0.0.1', tls: values.tls ?? false, env };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new UsageError(
        `--port ${JSON.stringify(values.port)} is invalid: expected an integer 0-65535`,
      );
    }
    options.port = port;
  }
  if (values.fixture !== undefined) {
    if (values.fixture !== 'small' && values.fixture !== 'large') {
      throw new UsageError(
        `--fixture ${JSON.stringify(values.fixture)} is invalid: expected small or large`,
      );
    }
    options.fixture = values.fixture;
  }
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new UsageError(
        `database URL ${JSON.stringify(databaseUrl.replace(/:[^:@/]*@/, ':***@'))} is invalid: expected postgres://user:password@host:port/database`,
      );
    }
    options.databaseUrl = databaseUrl;
  }
  return { help: values.help ?? false, options };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      tls: { type: 'boolean' },
      fixture: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
