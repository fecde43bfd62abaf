import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import type { VuState } from '../runtime/state.js';
import type { ConnectTimes } from './connections.js';
import { errorFields, TimeoutError } from './net-errors.js';

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

/** What to send in one exchange. */
export interface ExchangeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer | null;
  timeoutMs: number;
  insecure: boolean;
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
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

/** What the response (or the error) decided; finish() adds the socket's figures. */
type Outcome = Pick<Exchange, 'status'> &
  Partial<Pick<Exchange, 'rawHeaders' | 'setCookies' | 'body' | 'proto' | 'error' | 'errorCode'>>;

/** Performs one exchange on one of the VU's keep-alive connections, timing its phases. */
export function exchange(vu: VuState, req: ExchangeRequest): Promise<Exchange> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const conn = vu.connections.acquire(req.url, req.insecure);
    let connect: ConnectTimes | null = null;
    let tReady = 0;
    let tSent = 0;
    let tResponse = 0;
    let written0 = 0;
    let read0 = 0;
    let status = 0;
    let rawHeaders: Buffer[] = [];
    const chunks: Buffer[] = [];
    let abort: ((err?: Error) => void) | null = null;
    let done = false;

    const finish = (result: Outcome, broken = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      vu.inflight.delete(handle);
      const end = performance.now();
      const socket = tReady ? conn.socket : null;
      vu.connections.release(conn, broken);
      const ready = tReady || end;
      const sent = Math.max(tSent || ready, ready);
      const resp = tResponse ? Math.max(tResponse, sent) : end;
      const timings: Timings = {
        blocked: tReady ? ready - t0 : 0,
        looking_up: connect?.lookup ? Math.max(0, connect.lookup - connect.start) : 0,
        connecting: connect?.connected ? connect.connected - (connect.lookup || connect.start) : 0,
        tls_handshaking: connect?.secure ? connect.secure - connect.connected : 0,
        sending: tReady ? sent - ready : 0,
        waiting: tReady ? resp - sent : 0,
        receiving: tResponse ? end - resp : 0,
        duration: 0,
      };
      timings.duration = timings.sending + timings.waiting + timings.receiving;
      resolve({
        status: result.status,
        rawHeaders: result.rawHeaders ?? [],
        setCookies: result.setCookies ?? [],
        body: result.body ?? null,
        proto: result.proto ?? '',
        remoteIp: socket?.remoteAddress ?? '',
        remotePort: socket?.remotePort ?? 0,
        bytesSent: socket ? socket.bytesWritten - written0 : 0,
        bytesReceived: socket ? socket.bytesRead - read0 : 0,
        error: result.error ?? '',
        errorCode: result.errorCode ?? 0,
        timings,
      });
    };
    const fail = (err: Error) => finish({ status: 0, ...errorFields(err) }, abort === null);
    const cancel = (err: Error) => {
      if (abort) abort(err);
      else fail(err); // still connecting: the connection is dropped (release with broken)
    };
    const handle = { destroy: (err?: Error) => cancel(err ?? new Error('aborted')) };
    vu.inflight.add(handle);
    const timer = setTimeout(() => cancel(new TimeoutError('request timeout')), req.timeoutMs);

    // `onRequestSent` is called by undici's HTTP/1.1 writer but missing from its types.
    const handler: Dispatcher.DispatchHandler & { onRequestSent(): void } = {
      onConnect(abortFn) {
        // Called once the request has a socket, right before it is written.
        abort = abortFn;
        tReady = performance.now();
        connect = conn.fresh;
        conn.fresh = null;
        const s = conn.socket;
        written0 = connect || !s ? 0 : s.bytesWritten;
        read0 = connect || !s ? 0 : s.bytesRead;
      },
      onRequestSent() {
        tSent = performance.now();
      },
      onResponseStarted() {
        tResponse = performance.now();
      },
      onHeaders(statusCode, headers) {
        // 1xx informational responses come first; the final status wins.
        status = statusCode;
        rawHeaders = headers;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        const names: string[] = [];
        const setCookies: string[] = [];
        let encoding: string | undefined;
        for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
          const name = (rawHeaders[i] as Buffer).toString('latin1');
          const value = (rawHeaders[i + 1] as Buffer).toString('latin1');
          names.push(name, value);
          const lower = name.length === 10 || name.length === 16 ? name.toLowerCase() : '';
          if (lower === 'set-cookie') setCookies.push(value);
          else if (lower === 'content-encoding') encoding = value;
        }
        let body: Buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        try {
          body = decode(body, encoding);
        } catch {
          // A body that fails to decompress is handed over as received.
        }
        finish({ status, rawHeaders: names, setCookies, body, proto: 'HTTP/1.1' });
      },
      onError: fail,
    };
    conn.client.dispatch(
      {
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method,
        headers: wireHeaders(req.headers),
        body: req.body,
      },
      handler,
    );
  });
}

// Hop-by-hop and framing headers are the client's business (Go's client manages them too);
// undici refuses them from callers, so they stay in the request echo but not on the wire.
const MANAGED = ['Transfer-Encoding', 'Keep-Alive', 'Upgrade', 'Expect', 'Content-Length'];

function wireHeaders(headers: Record<string, string>): Record<string, string> {
  if (!MANAGED.some((h) => h in headers)) return headers;
  const out = { ...headers };
  for (const h of MANAGED) delete out[h];
  return out;
}
