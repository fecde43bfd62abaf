import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { VuState } from '../runtime/state.js';

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

class TimeoutError extends Error {}

// Node error codes → k6 error codes and texts (k6 lib/netext/httpext/error_codes.go).
function classify(err: NodeJS.ErrnoException): { code: number; text: string } {
  if (err instanceof TimeoutError) return { code: 1050, text: 'request timeout' };
  switch (err.code) {
    case 'ECONNREFUSED':
      return { code: 1212, text: 'dial: connection refused' };
    case 'ECONNRESET':
      return { code: 1220, text: 'write: connection reset by peer' };
    case 'EPIPE':
      return { code: 1201, text: 'write: broken pipe' };
    case 'ENOTFOUND':
      return { code: 1101, text: 'lookup: no such host' };
    case 'EAI_AGAIN':
      return { code: 1100, text: `lookup: ${err.message}` };
    case 'ETIMEDOUT':
      return { code: 1211, text: 'dial: i/o timeout' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 1210, text: `dial: ${err.message}` };
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return { code: 1310, text: 'x509: certificate signed by unknown authority' };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return { code: 1311, text: 'x509: certificate is not valid for this name' };
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return { code: 1300, text: 'x509: certificate has expired or is not yet valid' };
    default:
      return { code: 1000, text: err.message };
  }
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

/** Performs one exchange on the VU's keep-alive pool, timing it from socket events. */
export function exchange(vu: VuState, req: ExchangeRequest): Promise<Exchange> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let tLookup = 0;
    let tConnectStart = 0;
    let tConnected = 0;
    let tReady = 0;
    let tSent = 0;
    let tResponse = 0;
    let socket: Socket | undefined;
    let remoteIp = '';
    let remotePort = 0;
    const noteRemote = (s: Socket) => {
      remoteIp = s.remoteAddress ?? '';
      remotePort = s.remotePort ?? 0;
    };
    let written0 = 0;
    let read0 = 0;
    let done = false;
    const isHttps = req.url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: req.method,
      hostname: req.url.hostname.replace(/^\[|\]$/g, ''),
      port: req.url.port || (isHttps ? 443 : 80),
      path: `${req.url.pathname}${req.url.search}`,
      headers: req.headers,
      agent: isHttps ? vu.agents.https : vu.agents.http,
    };
    if (isHttps) options.rejectUnauthorized = !req.insecure;
    const cr = (isHttps ? https : http).request(options);
    const handle = { destroy: (err?: Error) => cr.destroy(err) };
    vu.inflight.add(handle);

    const finish = (result: Partial<Exchange> & { status: number }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      vu.inflight.delete(handle);
      const end = performance.now();
      const ready = tReady || end;
      const sent = Math.max(tSent || ready, ready);
      const resp = tResponse ? Math.max(tResponse, sent) : end;
      const timings: Timings = {
        blocked: ready - t0,
        looking_up: tLookup && tConnectStart ? Math.max(0, tLookup - tConnectStart) : 0,
        connecting: tConnected && tConnectStart ? tConnected - (tLookup || tConnectStart) : 0,
        tls_handshaking: isHttps && tReady && tConnected ? tReady - tConnected : 0,
        sending: sent - ready,
        waiting: resp - sent,
        receiving: tResponse ? end - resp : 0,
        duration: 0,
      };
      if (!tReady) {
        timings.blocked = 0;
        timings.sending = 0;
        timings.waiting = 0;
      }
      timings.duration = timings.sending + timings.waiting + timings.receiving;
      resolve({
        rawHeaders: [],
        setCookies: [],
        body: null,
        proto: '',
        remoteIp,
        remotePort,
        bytesSent: socket ? socket.bytesWritten - written0 : 0,
        bytesReceived: socket ? socket.bytesRead - read0 : 0,
        error: '',
        errorCode: 0,
        timings,
        ...result,
      });
    };

    const timer = setTimeout(() => cr.destroy(new TimeoutError('request timeout')), req.timeoutMs);

    cr.on('socket', (s: Socket) => {
      socket = s;
      written0 = s.bytesWritten;
      read0 = s.bytesRead;
      if ((s as Socket & { connecting: boolean }).connecting) {
        tConnectStart = performance.now();
        s.once('lookup', () => {
          tLookup = performance.now();
        });
        s.once('connect', () => {
          tConnected = performance.now();
          noteRemote(s);
          if (!isHttps) tReady = tConnected;
        });
        if (isHttps) s.once('secureConnect', () => (tReady = performance.now()));
      } else {
        tReady = performance.now();
        noteRemote(s);
      }
    });
    cr.on('finish', () => {
      tSent = performance.now();
    });
    cr.on('response', (res) => {
      tResponse = performance.now();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => finish({ status: 0, ...errorFields(err) }));
      res.on('end', () => {
        let body: Buffer = Buffer.concat(chunks);
        try {
          body = decode(body, res.headers['content-encoding']);
        } catch {
          // A body that fails to decompress is handed over as received.
        }
        finish({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          setCookies: res.headers['set-cookie'] ?? [],
          body,
          proto: `HTTP/${res.httpVersion}`,
        });
      });
    });
    cr.on('error', (err) => finish({ status: 0, ...errorFields(err) }));
    if (req.body) cr.end(req.body);
    else cr.end();
  });
}

function errorFields(err: Error): { error: string; errorCode: number } {
  const { code, text } = classify(err as NodeJS.ErrnoException);
  return { error: text, errorCode: code };
}
