import net, { type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { ResponseParser } from './response-parser.js';

/** When the connection a request used was opened (performance.now() values, 0 = not seen). */
export interface ConnectTimes {
  start: number;
  lookup: number;
  connected: number;
  secure: number;
}

/** The exchange currently using a connection: the socket's events go to it. */
export interface ConnectionUser {
  /** The request's time limit ran out (see `Connection.arm`). */
  onTimeout(): void;
  /** The socket is connected (and its TLS handshake done): the request can be written. */
  onReady(): void;
  onData(chunk: Buffer): void;
  /** The server ended or closed the connection. */
  onEnd(): void;
  onError(err: Error): void;
}

// Plain TCP sockets read into this one buffer (net's `onread`), and each read is parsed before
// the next one happens: no Buffer and no stream events per response. What the parser keeps of
// a read, it copies.
const readBuffer = Buffer.allocUnsafe(64 * 1024);

// Idle keep-alive connections are reused for 60 s, or until one second before the server's
// own `Keep-Alive: timeout` (so a request does not meet a connection the server is closing).
const IDLE_MS = 60_000;
const SERVER_TIMEOUT_MARGIN_MS = 1000;

/**
 * One keep-alive connection of a VU: a socket the runner opens itself (so the TCP and TLS
 * phases are timed per socket) and that carries one request at a time, so its byte counters
 * and connect timings belong to that request.
 */
export class Connection {
  socket: Socket | null = null;
  busy = true;
  /** It carried a response before: failing before any response byte may mean it went stale. */
  reused = false;
  /** Set when this connection opened its socket; taken by the request that used it first. */
  fresh: ConnectTimes | null = null;
  dead = false;
  idleUntil = Number.POSITIVE_INFINITY;
  readonly parser = new ResponseParser();
  private user: ConnectionUser | null = null;
  private connected = false;
  // One timer per connection, re-armed per request (`refresh()`: no allocation per request).
  private timer: NodeJS.Timeout | null = null;
  private timerMs = 0;
  private deadline = 0;

  constructor(
    private readonly url: URL,
    private readonly insecure: boolean,
  ) {}

  /** Hands the connection to `user`, opening the socket first if needed. */
  open(user: ConnectionUser): void {
    this.user = user;
    if (this.connected) user.onReady();
    else if (!this.socket) this.connect();
  }

  /** The user is done with it (its events stop going anywhere). */
  detach(): void {
    this.user = null;
    this.deadline = 0;
  }

  /** Calls the user's `onTimeout` if it still has the connection `ms` after `now`. */
  arm(ms: number, now = performance.now()): void {
    this.deadline = now + ms;
    if (this.timer && this.timerMs === ms) {
      this.timer.refresh();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timerMs = ms;
    this.timer = setTimeout(() => this.expire(), ms);
    // Sockets keep the event loop alive while requests run; an idle connection's timer must not.
    this.timer.unref();
  }

  private expire(): void {
    if (!this.user || this.deadline === 0) return;
    const left = this.deadline - performance.now();
    // Fired for an earlier request's arming (a timer only ever fires late, never early).
    if (left > 1) {
      this.timer?.refresh();
      return;
    }
    this.user.onTimeout();
  }

  destroy(): void {
    this.dead = true;
    this.user = null;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.destroy();
  }

  private connect(): void {
    const { hostname, port: portText, protocol } = this.url;
    // URL keeps IPv6 hosts in brackets; sockets want the bare address.
    const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    const isTls = protocol === 'https:';
    const port = Number(portText) || (isTls ? 443 : 80);
    const times: ConnectTimes = { start: performance.now(), lookup: 0, connected: 0, secure: 0 };
    const socket: Socket = isTls
      ? tls.connect({
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          rejectUnauthorized: !this.insecure,
          ALPNProtocols: ['http/1.1'],
        })
      : net.connect({
          host,
          port,
          onread: {
            buffer: readBuffer,
            callback: (n: number, buf: Uint8Array) => {
              this.user?.onData(Buffer.from(buf.buffer, buf.byteOffset, n));
              return true;
            },
          },
        });
    socket.setNoDelay(true);
    this.socket = socket;
    socket.once('lookup', () => {
      times.lookup = performance.now();
    });
    socket.once('connect', () => {
      times.connected = performance.now();
    });
    socket.once(isTls ? 'secureConnect' : 'connect', () => {
      if (isTls) times.secure = performance.now();
      this.connected = true;
      this.fresh = times;
      this.user?.onReady();
    });
    if (isTls) socket.on('data', (chunk: Buffer) => this.user?.onData(chunk));
    socket.on('error', (err) => {
      this.dead = true;
      this.user?.onError(err);
    });
    const ended = () => {
      this.dead = true;
      this.user?.onEnd();
    };
    socket.on('end', ended);
    socket.on('close', ended);
  }
}

/** A VU's keep-alive connections, per origin, as k6 keeps a connection pool per VU. */
export class VuConnections {
  private readonly byOrigin = new Map<string, Connection[]>();
  // Request URLs are parsed once and shared (request.ts), so the same URL object usually
  // comes back: remember the last one's list instead of rebuilding the origin key.
  private last: { url: URL; insecure: boolean; list: Connection[] } | null = null;

  /** A free connection to the URL's origin, or a new one (its socket opens on `open`). */
  acquire(url: URL, insecure: boolean, now = performance.now()): Connection {
    let list: Connection[];
    if (this.last && this.last.url === url && this.last.insecure === insecure)
      list = this.last.list;
    else {
      const key = insecure ? `${url.protocol}//${url.host}!` : `${url.protocol}//${url.host}`;
      list = this.byOrigin.get(key) ?? [];
      this.byOrigin.set(key, list);
      this.last = { url, insecure, list };
    }
    for (let i = 0; i < list.length; i++) {
      const c = list[i] as Connection;
      if (c.busy) continue;
      if (c.dead || c.idleUntil <= now) {
        c.destroy();
        list.splice(i--, 1);
        continue;
      }
      c.busy = true;
      return c;
    }
    const conn = new Connection(url, insecure);
    list.push(conn);
    return conn;
  }

  /** Hands a connection back: kept for the next request, or closed when it cannot carry one. */
  release(conn: Connection, reusable: boolean): void {
    conn.busy = false;
    conn.detach();
    if (reusable && !conn.dead) {
      conn.reused = true;
      const serverMs = conn.parser.keepAliveMs;
      conn.idleUntil =
        performance.now() +
        (serverMs > 0 ? Math.min(IDLE_MS, serverMs - SERVER_TIMEOUT_MARGIN_MS) : IDLE_MS);
      return;
    }
    conn.destroy();
    for (const list of this.byOrigin.values()) {
      const i = list.indexOf(conn);
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** Closes every connection. */
  destroy(): void {
    for (const list of this.byOrigin.values()) for (const c of list) c.destroy();
    this.byOrigin.clear();
    this.last = null;
  }
}
