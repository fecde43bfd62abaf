// The data of one request/response exchange, and the helpers around it that do not touch a
// socket (transport.ts does).
import zlib from 'node:zlib';
import { errorFields } from './net-errors.js';

/** k6's `timings` object, milliseconds. */
export interface Timings {
  blocked: number;
  looking_up: number;
  connecting: number;
  tls_handshaking: number;
  sending: number;
  waiting: number;
  receiving: number;
  duration: number;
}

/** The outcome of one request/response exchange (one redirect hop). */
export interface Exchange {
  status: number;
  rawHeaders: string[];
  setCookies: string[];
  body: Buffer | null;
  proto: string;
  remoteIp: string;
  remotePort: number;
  timings: Timings;
  bytesSent: number;
  bytesReceived: number;
  error: string;
  errorCode: number;
}

/** k6's `error_code`: the network error's, else 1000 + status for a 4xx/5xx response, else 0. */
export function errorCodeOf(ex: Exchange): number {
  return ex.errorCode || (ex.status >= 400 ? 1000 + ex.status : 0);
}

/** What to send in one exchange. */
export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer | null;
  timeoutMs: number;
  insecure: boolean;
}

/** The server closed the connection before the response was complete. */
export class ConnectionClosedError extends Error {
  readonly code = 'ECONNRESET';
}

export function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

// Go's Transport replays a request that met a keep-alive connection the server had just closed
// (nothing of the response read yet) when the request is replayable (net/http isReplayable).
export function replayable(req: ExchangeRequest): boolean {
  const m = req.method;
  return (
    m === 'GET' ||
    m === 'HEAD' ||
    m === 'OPTIONS' ||
    m === 'TRACE' ||
    'Idempotency-Key' in req.headers ||
    'X-Idempotency-Key' in req.headers
  );
}

/** What the response (or the error) decided; finish() adds the socket's figures. */
export type Outcome = Pick<Exchange, 'status'> &
  Partial<Pick<Exchange, 'rawHeaders' | 'setCookies' | 'body' | 'proto' | 'error' | 'errorCode'>>;

const NO_TIMINGS: Timings = {
  blocked: 0,
  looking_up: 0,
  connecting: 0,
  tls_handshaking: 0,
  sending: 0,
  waiting: 0,
  receiving: 0,
  duration: 0,
};

/** A request that could not be written at all (an invalid header). */
export function notSent(err: Error): Exchange {
  return {
    status: 0,
    rawHeaders: [],
    setCookies: [],
    body: null,
    proto: '',
    remoteIp: '',
    remotePort: 0,
    timings: { ...NO_TIMINGS },
    bytesSent: 0,
    bytesReceived: 0,
    ...errorFields(err),
  };
}
