// `rota-perf serve`: the reference Rota API until Ctrl-C, then the server and its database stop.
import { createServer } from 'node:net';
import {
  type CommandDef,
  ConfigError,
  choice,
  maskUrlPassword,
  type OptionTable,
  stringValue,
} from '@rota-perf/core';
import { checkDatabaseUrl } from '@rota-perf/core/node';
import { resolveConfig } from './config.js';
import { describeListenError } from './listen-error.js';
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
    description:
      'content loaded into the database (default: small for the embedded one; with --database-url none unless given)',
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
      `database URL "${maskUrlPassword(url)}" is invalid: expected postgres://user:password@host:port/database`,
    );
  }
  return url;
}

/** Binds host:port once and lets go: a port in use or a foreign address is exit 2 at once. */
function checkListenable(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(describeListenError(error, host, port)));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
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
    const host = stringValue(args, 'host') ?? '127.0.0.1';
    const fixture =
      args.values.fixture === undefined
        ? undefined
        : choice(args, 'fixture', ['small', 'large'] as const);
    const urlSource = stringValue(args, 'database-url') ? '--database-url' : 'DATABASE_URL';
    const databaseUrl = databaseUrlOption(stringValue(args, 'database-url') ?? io.env.DATABASE_URL);
    // A bad setting is the user's to fix: say so before spending seconds on a database.
    resolveConfig(io.env);
    await checkListenable(host, port);
    if (databaseUrl) await checkDatabaseUrl(databaseUrl, urlSource, { signal });
    io.err(
      databaseUrl
        ? `serve: starting the reference Rota API on the given database${fixture ? ` (loading the ${fixture} fixture)` : ''}…`
        : `serve: starting the reference Rota API on an embedded PostgreSQL (${fixture ?? 'small'} fixture)…`,
    );
    const api = await startRotaApi({
      port,
      host,
      tls: args.values.tls === true,
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(fixture ? { fixture } : {}),
    });
    io.out(`Rota API listening on ${api.url} (pid ${api.pid})`);
    io.out(`Database: ${maskUrlPassword(api.databaseUrl)}`);
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
