// rota-perf serve: the reference Rota API until Ctrl-C, then the server and its database stop.
import {
  formatHelp,
  type OptionTable,
  parseCommandArgs,
  positiveNumber,
  stringValue,
} from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { fixtureOption } from './shared-options.js';

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

function portOption(text: string | undefined): number {
  if (text === '0' || text === undefined) return 0;
  const port = positiveNumber({ values: { port: text }, positionals: [] }, 'port', true) as number;
  if (port > 65535) throw new UsageError(`--port must be between 0 and 65535, got "${text}"`);
  return port;
}

export const command: Command = {
  summary: 'start the reference Rota API',
  help: formatHelp(
    'rota-perf serve [options]',
    `Starts the reference Rota API (the embedded target). Without --database-url/DATABASE_URL it
runs over an embedded PostgreSQL (migrated, seeded). Prints the URL; Ctrl-C stops the server
and its database. API settings (JWT_SECRET, COOKIE_NAME, CSRF_COOKIE_NAME,
AUTH_RATE_LIMIT_MAX_ATTEMPTS, …) come from the environment; see the README.`,
    OPTIONS,
  ),
  async run(argv, context) {
    const args = parseCommandArgs('serve', argv, OPTIONS, 0);
    const port = portOption(stringValue(args, 'port'));
    const fixture = fixtureOption(args);
    const databaseUrl = stringValue(args, 'database-url') ?? context.env.DATABASE_URL;
    const { startRotaApi } = await import('@rota-perf/rota-api');
    context.err(
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
    context.out(`Rota API listening on ${api.url} (pid ${api.pid})`);
    context.out(`Database: ${redact(api.databaseUrl)}`);
    context.out('Press Ctrl-C to stop.');
    // The API child is unref'd (it must not keep a finished CLI alive): hold the loop open.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      clearInterval(keepAlive);
      await api.stop();
      context.err('serve: stopped the server and its database');
    }
    return 0;
  },
};

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
