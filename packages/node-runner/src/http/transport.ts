import { performance } from 'node:perf_hooks';
import type { VuState } from '../runtime/state.js';
import type { Connection, ConnectionUser, ConnectTimes } from './connections.js';
import {
  ConnectionClosedError,
  decode,
  type Exchange,
  type ExchangeRequest,
  notSent,
  type Outcome,
  replayable,
} from './exchange.js';
import { errorFields, TimeoutError } from './net-errors.js';
import { requestHead } from './wire.js';

/** Performs one exchange on one of the VU's keep-alive connections, timing its phases. */
export function exchange(vu: VuState, req: ExchangeRequest): Promise<Exchange> {
  return new Promise((resolve) => {
    let head: string;
    try {
      head = requestHead(req.method, req.url, req.headers, req.body);
    } catch (err) {
      resolve(notSent(err as Error));
      return;
    }
    new ExchangeRun(vu, req, head, resolve).start();
  });
}

/**
 * One request on its way: the connection's events come here (one object per request, its
 * methods shared, so a request allocates little besides its result).
 */
class ExchangeRun implements ConnectionUser {
  private conn: Connection;
  private readonly t0 = performance.now();
  private retried = false;
  private connect: ConnectTimes | null = null;
  private tReady = 0;
  private tSent = 0;
  private tResponse = 0;
  private written0 = 0;
  private read0 = 0;
  private done = false;

  constructor(
    private readonly vu: VuState,
    private readonly req: ExchangeRequest,
    private readonly head: string,
    private readonly resolve: (ex: Exchange) => void,
  ) {
    this.conn = vu.connections.acquire(req.url, req.insecure, this.t0);
  }

  start(): void {
    this.vu.inflight.add(this);
    this.conn.arm(this.req.timeoutMs, this.t0);
    this.conn.open(this);
  }

  onTimeout(): void {
    this.destroy(new TimeoutError('request timeout'));
  }

  /** Cancels the request (timeout, or its iteration was interrupted). */
  destroy(err?: Error): void {
    if (this.done) return;
    this.conn.destroy();
    this.fail(err ?? new Error('aborted'));
  }

  onReady(): void {
    const conn = this.conn;
    this.tReady = performance.now();
    this.connect = conn.fresh;
    conn.fresh = null;
    const s = conn.socket as NonNullable<Connection['socket']>;
    this.written0 = s.bytesWritten;
    this.read0 = s.bytesRead;
    conn.parser.reset(this.req.method === 'HEAD');
    const body = this.req.body;
    let flushed: boolean;
    if (body && body.length > 0) {
      s.cork();
      s.write(this.head, 'utf8');
      flushed = s.write(body, () => this.flushed());
      s.uncork();
    } else flushed = s.write(this.head, 'utf8');
    // Usually the kernel takes the whole request at once; a large body is sent when the
    // socket has drained it (`sending` includes that, as in k6).
    if (flushed) this.tSent = performance.now();
    else if (!body) s.once('drain', () => this.flushed());
  }

  private flushed(): void {
    if (!this.tSent) this.tSent = performance.now();
  }

  onData(chunk: Buffer): void {
    if (this.done) return;
    if (!this.tResponse) this.tResponse = performance.now();
    let complete: boolean;
    try {
      complete = this.conn.parser.feed(chunk);
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    if (complete) this.complete();
  }

  onEnd(): void {
    if (this.done) return;
    if (this.conn.parser.end()) this.complete();
    else this.retryOrFail(new ConnectionClosedError('connection closed by the server'));
  }

  onError(err: Error): void {
    if (!this.done) this.retryOrFail(err);
  }

  // A reused connection that fails before any byte of the response was probably closed by
  // the server while idle: one more try on a new connection, as Go does.
  private retryOrFail(err: Error): void {
    const conn = this.conn;
    if (
      !this.retried &&
      conn.reused &&
      this.tReady &&
      !conn.parser.started &&
      replayable(this.req)
    ) {
      this.retried = true;
      this.vu.connections.release(conn, false);
      this.conn = this.vu.connections.acquire(this.req.url, this.req.insecure);
      this.tReady = this.tSent = this.tResponse = 0;
      this.conn.arm(this.req.timeoutMs);
      this.conn.open(this);
      return;
    }
    this.fail(err);
  }

  private fail(err: Error): void {
    this.finish({ status: 0, ...errorFields(err) }, false);
  }

  private complete(): void {
    const p = this.conn.parser;
    const names = p.rawHeaders;
    const setCookies: string[] = [];
    let encoding: string | undefined;
    for (let i = 0; i + 1 < names.length; i += 2) {
      const name = names[i] as string;
      const lower = name.length === 10 || name.length === 16 ? name.toLowerCase() : '';
      if (lower === 'set-cookie') setCookies.push(names[i + 1] as string);
      else if (lower === 'content-encoding') encoding = names[i + 1];
    }
    const chunks = p.body;
    let body: Buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    if (encoding !== undefined) {
      try {
        body = decode(body, encoding);
      } catch {
        // A body that fails to decompress is handed over as received.
      }
    }
    this.finish(
      { status: p.status, rawHeaders: names, setCookies, body, proto: p.proto },
      p.keepAlive,
    );
  }

  private finish(result: Outcome, reusable: boolean): void {
    if (this.done) return;
    this.done = true;
    this.vu.inflight.delete(this);
    const end = performance.now();
    const { tReady, tSent, tResponse, connect, conn } = this;
    const socket = tReady ? conn.socket : null;
    const bytesSent = socket ? socket.bytesWritten - this.written0 : 0;
    const bytesReceived = socket ? socket.bytesRead - this.read0 : 0;
    const remoteIp = socket?.remoteAddress ?? '';
    const remotePort = socket?.remotePort ?? 0;
    this.vu.connections.release(conn, reusable);
    const ready = tReady || end;
    const sent = Math.max(tSent || ready, ready);
    const resp = tResponse ? Math.max(tResponse, sent) : end;
    const sending = tReady ? sent - ready : 0;
    const waiting = tReady ? resp - sent : 0;
    const receiving = tResponse ? end - resp : 0;
    this.resolve({
      status: result.status,
      rawHeaders: result.rawHeaders ?? [],
      setCookies: result.setCookies ?? [],
      body: result.body ?? null,
      proto: result.proto ?? '',
      remoteIp,
      remotePort,
      bytesSent,
      bytesReceived,
      error: result.error ?? '',
      errorCode: result.errorCode ?? 0,
      timings: {
        blocked: tReady ? ready - this.t0 : 0,
        looking_up: connect?.lookup ? Math.max(0, connect.lookup - connect.start) : 0,
        connecting: connect?.connected ? connect.connected - (connect.lookup || connect.start) : 0,
        tls_handshaking: connect?.secure ? connect.secure - connect.connected : 0,
        sending,
        waiting,
        receiving,
        duration: sending + waiting + receiving,
      },
    });
  }
}
