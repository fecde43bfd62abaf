// One connection attempt, with a deadline, that tells whether a database URL leads to a
// PostgreSQL server — before a driver pool is built. postgres.js reconnects at once, without
// a back-off, when a server closes the connection during start-up: against a port that answers
// anything else (an HTTP server, random bytes) that made about 600 connections a second.
import { connect, type Socket } from 'node:net';
import { ConfigError, InterruptedError } from '../errors.js';
import { maskUrlPassword } from '../run/run-id.js';

/** How long the one attempt may take, connect and first answer together (documented). */
export const POSTGRES_PROBE_TIMEOUT_MS = 5_000;

/** Options of `probePostgres`. */
export interface PostgresProbeOptions {
  /** Deadline of the attempt in ms (default POSTGRES_PROBE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Aborting it stops the attempt with an InterruptedError. */
  signal?: AbortSignal;
}

/**
 * Opens one TCP connection to the URL's server, sends the PostgreSQL start-up message (or the
 * SSL request when the URL asks for TLS) and reads the first answer. Resolves null when a
 * PostgreSQL server answered (whatever it thinks of the credentials: the driver reports that),
 * else one line saying what went wrong: refused, timed out, unknown host, closed, or what the
 * server answered instead (HTTP, TLS, other bytes, escaped).
 */
export function probePostgres(
  url: string,
  options: PostgresProbeOptions = {},
): Promise<string | null> {
  const parsed = new URL(url);
  const timeoutMs = options.timeoutMs ?? POSTGRES_PROBE_TIMEOUT_MS;
  const wantsTls = asksForTls(parsed);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port || '5432');
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket: Socket = connect({ host, port });
    const finish = (reason: string | null) => {
      cleanUp();
      resolve(reason);
    };
    const onAbort = () => {
      cleanUp();
      reject(new InterruptedError('interrupted while connecting to PostgreSQL'));
    };
    const timer = setTimeout(() => {
      finish(
        received.length === 0 && socket.connecting
          ? `no connection within ${seconds(timeoutMs)} s`
          : `no PostgreSQL answer within ${seconds(timeoutMs)} s`,
      );
    }, timeoutMs);
    function cleanUp() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
    }
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('connect', () => {
      socket.write(wantsTls ? sslRequest() : startupMessage(parsed));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const verdict = judgeAnswer(received, wantsTls);
      if (verdict !== 'more') finish(verdict);
    });
    socket.on('end', () => {
      finish(
        received.length === 0
          ? 'the server closed the connection without answering'
          : describeForeignAnswer(received),
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        received.length > 0 ? describeForeignAnswer(received) : describeSocketError(error, host),
      );
    });
  });
}

/**
 * Throws a ConfigError (exit code 2) naming `source` (`--database-url`, `DATABASE_URL`), the URL
 * without its password and what went wrong, when `url` does not lead to a PostgreSQL server.
 */
export async function checkDatabaseUrl(
  url: string,
  source: string,
  options: PostgresProbeOptions = {},
): Promise<void> {
  let reason: string | null;
  try {
    reason = await probePostgres(url, options);
  } catch (error) {
    if (error instanceof TypeError) reason = 'not a URL';
    else throw error;
  }
  if (reason !== null) {
    throw new ConfigError(source, `${source} ${maskUrlPassword(url)}: ${reason}`);
  }
}

function asksForTls(url: URL): boolean {
  const mode = url.searchParams.get('sslmode') ?? url.searchParams.get('ssl');
  return mode !== null && mode !== 'disable' && mode !== 'false' && mode !== 'prefer';
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

// SSLRequest: length 8, code 80877103.
function sslRequest(): Buffer {
  const message = Buffer.alloc(8);
  message.writeInt32BE(8, 0);
  message.writeInt32BE(80877103, 4);
  return message;
}

// StartupMessage, protocol 3.0, with the URL's user and database (the server needs them to
// choose an authentication method, its first answer).
function startupMessage(url: URL): Buffer {
  const user = decodeURIComponent(url.username || 'postgres');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '') || user);
  const body = Buffer.from(`user\0${user}\0database\0${database}\0\0`, 'utf8');
  const message = Buffer.alloc(8 + body.length);
  message.writeInt32BE(message.length, 0);
  message.writeInt32BE(196608, 4);
  body.copy(message, 8);
  return message;
}

// The largest first message a server sends in start-up (an error with its fields).
const MAX_FIRST_MESSAGE = 64 * 1024;

/** null: PostgreSQL; 'more': too few bytes yet; else what the server answered instead. */
function judgeAnswer(answer: Buffer, wantsTls: boolean): string | null | 'more' {
  const type = String.fromCharCode(answer[0] as number);
  if (wantsTls) return type === 'S' || type === 'N' ? null : describeForeignAnswer(answer);
  if (!'REv'.includes(type)) return describeForeignAnswer(answer);
  if (answer.length < 5) return 'more';
  const length = answer.readInt32BE(1);
  if (length < 8 || length > MAX_FIRST_MESSAGE) return describeForeignAnswer(answer);
  return null;
}

/** What a server that is not PostgreSQL answered, escaped and short. */
function describeForeignAnswer(answer: Buffer): string {
  const text = answer.subarray(0, 200).toString('latin1');
  if (text.startsWith('HTTP/')) {
    return `it answered HTTP (${JSON.stringify(text.split(/\r?\n/)[0])}), not the PostgreSQL protocol`;
  }
  if (answer[0] === 0x15 || answer[0] === 0x16) {
    return 'it answered with TLS, not the PostgreSQL protocol';
  }
  const printable = /^[\t\r\n\x20-\x7e]*$/.test(text.slice(0, 40));
  const shown = printable
    ? JSON.stringify(text.split(/\r?\n/)[0]?.slice(0, 60))
    : [...answer.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `it answered ${answer.length} byte${answer.length === 1 ? '' : 's'} that are not the PostgreSQL protocol (${printable ? '' : 'hex '}${shown}${!printable && answer.length > 8 ? ' …' : ''})`;
}

function describeSocketError(error: NodeJS.ErrnoException, host: string): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing is listening there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `unknown host "${host}"`;
    case 'ECONNRESET':
      return 'the server reset the connection without answering';
    case 'ETIMEDOUT':
      return 'connection timed out';
    default:
      return error.message;
  }
}
