// `rota-perf serve`: the reference Rota API until Ctrl-C, then the server and its database stop.
import {
  type CommandDef,
  ConfigError,
  choice,
  type OptionTable,
  stringValue,
} from '@rota-perf/core';
import { resolveConfig } from './config.js';
import { startRotaApi } from './start.js';

const OPTIONS: OptionTable = {
  port: { type: 'string', value: '<n>', default: '0', description: 'port (0 = a free port)' },
  host: {
    type: 'string',
    value: '<host>',
    default: '127.0.0.1',
    description: 'address to listen on',
  },
  tls: { type: 'boolean', description: 'HTTPS with a self-signed certificate made at start' },
  fixture: {
    type: 'string',
    value: 'small|large',
    default: 'small',
    description: 'content of the embedded database',
  },
  'database-url': {
    type: 'string',
    value: '<url>',
    description: 'use this PostgreSQL (default: DATABASE_URL, else an embedded one)',
  },
};

function portOption(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new ConfigError('--port', `--port must be between 0 and 65535, got "${text}"`);
  }
  return Number(text);
}

function databaseUrlOption(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      '--database-url',
      `database URL "${redact(url)}" is invalid: expected postgres://user:password@host:port/database`,
    );
  }
  return url;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The serve command. */
export const serveCommand: CommandDef = {
  name: 'serve',
  summary: 'start the reference Rota API (embedded PostgreSQL unless --database-url)',
  description: `Starts the reference Rota API (the embedded target). Without --database-url/DATABASE_URL it
runs over an embedded PostgreSQL (migrated, seeded). Prints the URL; Ctrl-C stops the server
and its database. API settings (JWT_SECRET, COOKIE_NAME, CSRF_COOKIE_NAME,
AUTH_RATE_LIMIT_MAX_ATTEMPTS, …) come from the environment; see the README.`,
  options: OPTIONS,
  async run(args, io, signal) {
    const port = portOption(stringValue(args, 'port') ?? '0');
    const fixture = choice(args, 'fixture', ['small', 'large'] as const);
    const databaseUrl = databaseUrlOption(stringValue(args, 'database-url') ?? io.env.DATABASE_URL);
    // A bad setting is the user's to fix: say so before spending seconds on a database.
    resolveConfig(io.env);
    io.err(
      databaseUrl
        ? 'serve: starting the reference Rota API on the given database…'
        : `serve: starting the reference Rota API on an embedded PostgreSQL (${fixture} fixture)…`,
    );
    const api = await startRotaApi({
      port,
      host: stringValue(args, 'host') ?? '127.0.0.1',
      tls: args.values.tls === true,
      ...(databaseUrl ? { databaseUrl } : { fixture }),
    });
    io.out(`Rota API listening on ${api.url} (pid ${api.pid})`);
    io.out(`Database: ${redact(api.databaseUrl)}`);
    io.out('Press Ctrl-C to stop.');
    // The API child is unref'd (it must not keep a finished CLI alive): hold the loop open.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      clearInterval(keepAlive);
      await api.stop();
      io.err('serve: stopped the server and its database');
    }
    return 0;
  },
};
