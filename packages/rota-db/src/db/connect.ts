import { maskUrlPassword } from '@rota-perf/core';
import { probePostgres } from '@rota-perf/core/node';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../schema/index.js';
import { RotaDbError } from './errors.js';
import {
  debugHook,
  rewritingClient,
  type StatementObserver,
  type StatementRewrite,
} from './statement-hooks.js';
import type { Database } from './types.js';

/** Pool settings for `connect`; the defaults suit a benchmark client and the reference API. */
export interface ConnectOptions {
  /** Maximum pooled connections (default 10). */
  max?: number;
  /** Seconds before an idle connection is closed (default 20). */
  idleTimeoutSeconds?: number;
  /** Seconds to wait for a new connection (default 10). */
  connectTimeoutSeconds?: number;
  /**
   * Skip the initial check (one probe connection with a 5 s deadline, then `select 1`) that
   * turns connection failures into clear errors.
   */
  lazy?: boolean;
  /** Sees every statement the pool sends, with its parameters (the driver's `debug` hook). */
  onStatement?: StatementObserver;
}

/** A Drizzle database plus the way to close its pool. */
export interface Connection {
  db: Database;
  /** The underlying postgres.js client, for raw SQL. */
  client: postgres.Sql;
  /** Closes every pooled connection (waits up to 5 s for running queries). */
  close(): Promise<void>;
  /**
   * A Drizzle database over the same pool whose statements pass through `rewrite` first (in
   * transactions too). Build repositories over it once: each distinct text is prepared once.
   */
  withStatementRewrite(rewrite: StatementRewrite): Database;
}

/** Parses and checks a PostgreSQL URL; throws a one-line RotaDbError naming what is wrong. */
export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RotaDbError(
      `Invalid DATABASE_URL "${redactUrl(url)}": expected postgres://user:password@host:port/database`,
      { usage: true },
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new RotaDbError(
      `Invalid DATABASE_URL "${redactUrl(url)}": scheme "${parsed.protocol}" is not postgres: or postgresql:`,
      { usage: true },
    );
  }
  if (parsed.hostname === '') {
    throw new RotaDbError(`Invalid DATABASE_URL "${redactUrl(url)}": no host name`, {
      usage: true,
    });
  }
  return parsed;
}

/** Hides the password of a connection URL so it can appear in messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/**
 * Opens a pooled Drizzle database over postgres.js and checks that it answers. One probe
 * connection comes first: the driver retries a server that is not PostgreSQL without pause.
 */
export async function connect(url: string, options: ConnectOptions = {}): Promise<Connection> {
  const parsed = parseDatabaseUrl(url);
  if (!options.lazy) {
    const problem = await probePostgres(url);
    if (problem !== null) {
      throw new RotaDbError(`Cannot connect to PostgreSQL at ${maskUrlPassword(url)}: ${problem}`);
    }
  }
  const client = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: options.idleTimeoutSeconds ?? 20,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => {},
    ...(options.onStatement ? { debug: debugHook(options.onStatement) } : {}),
  });
  const close = () => client.end({ timeout: 5 });
  if (!options.lazy) {
    try {
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 0 }).catch(() => {});
      throw describeConnectError(error, parsed);
    }
  }
  const db = drizzle(client, { schema });
  const withStatementRewrite = (rewrite: StatementRewrite) =>
    drizzle(rewritingClient(client, rewrite), { schema });
  return { db, client, close, withStatementRewrite };
}

// Maps driver errors to one line that names the server, user or database at fault.
function describeConnectError(error: unknown, url: URL): RotaDbError {
  const e = error as { code?: string; message?: string };
  const where = `${url.hostname}:${url.port || '5432'}`;
  const user = decodeURIComponent(url.username || 'postgres');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '') || user);
  switch (e.code) {
    case 'ECONNREFUSED':
      return new RotaDbError(`Cannot reach PostgreSQL at ${where}: connection refused`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RotaDbError(`Cannot reach PostgreSQL at ${where}: unknown host "${url.hostname}"`);
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new RotaDbError(`Cannot reach PostgreSQL at ${where}: connection timed out`);
    case '28P01':
    case '28000':
      return new RotaDbError(
        `PostgreSQL at ${where} rejected the credentials of user "${user}" (wrong password?)`,
      );
    case '3D000':
      return new RotaDbError(`PostgreSQL at ${where} has no database "${database}"`);
    default:
      return new RotaDbError(
        `Cannot connect to PostgreSQL at ${where}: ${e.message ?? String(error)}`,
      );
  }
}
