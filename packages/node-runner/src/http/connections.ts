import net, { type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { Client } from 'undici';

/** When the connection a request used was opened (performance.now() values, 0 = not seen). */
export interface ConnectTimes {
  start: number;
  lookup: number;
  connected: number;
  secure: number;
}

/**
 * One keep-alive connection of a VU: an undici Client that never has more than one request
 * at a time, so its socket, byte counters and connect timings belong to that request.
 */
export interface Connection {
  readonly client: Client;
  busy: boolean;
  /** The current socket (undici reconnects through our connector when the server closed it). */
  socket: Socket | null;
  /** Set by the connector when it opened a socket; taken by the next request that uses it. */
  fresh: ConnectTimes | null;
}

// Each connection is opened by us rather than undici's connector so the TCP/TLS phases can
// be timed per socket (k6's `connecting`, `tls_handshaking`, `looking_up`).
function connectorFor(
  conn: { socket: Socket | null; fresh: ConnectTimes | null },
  insecure: boolean,
) {
  return (
    opts: { hostname: string; protocol: string; port: string; servername?: string },
    callback: (...args: [null, Socket] | [Error, null]) => void,
  ): void => {
    const isTls = opts.protocol === 'https:';
    const port = Number(opts.port) || (isTls ? 443 : 80);
    const times: ConnectTimes = { start: performance.now(), lookup: 0, connected: 0, secure: 0 };
    const socket: Socket = isTls
      ? tls.connect({
          host: opts.hostname,
          port,
          servername: net.isIP(opts.hostname) ? undefined : (opts.servername ?? opts.hostname),
          rejectUnauthorized: !insecure,
          ALPNProtocols: ['http/1.1'],
        })
      : net.connect({ host: opts.hostname, port });
    socket.setNoDelay(true);
    conn.socket = socket;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      callback(err, null);
    };
    socket.once('lookup', () => {
      times.lookup = performance.now();
    });
    socket.once('connect', () => {
      times.connected = performance.now();
    });
    socket.once(isTls ? 'secureConnect' : 'connect', () => {
      if (isTls) times.secure = performance.now();
      if (settled) return;
      settled = true;
      socket.removeListener('error', fail);
      conn.fresh = times;
      callback(null, socket);
    });
    socket.once('error', fail);
    // A socket destroyed without an error (an aborted connect) must still settle the callback.
    socket.once('close', () => fail(new Error('connection closed while connecting')));
  };
}

/** A VU's keep-alive connections, per origin, as k6 keeps a connection pool per VU. */
export class VuConnections {
  private readonly byOrigin = new Map<string, Connection[]>();
  // Request URLs are parsed once and shared (request.ts), so the same URL object usually
  // comes back: remember the last one's list instead of rebuilding the origin key.
  private last: { url: URL; insecure: boolean; list: Connection[] } | null = null;

  /** A free connection to the URL's origin, opening a new one (lazily, on dispatch) if none is. */
  acquire(url: URL, insecure: boolean): Connection {
    let list: Connection[];
    if (this.last && this.last.url === url && this.last.insecure === insecure)
      list = this.last.list;
    else {
      const origin = `${url.protocol}//${url.host}`;
      const key = insecure ? `${origin}!` : origin;
      list = this.byOrigin.get(key) ?? [];
      this.byOrigin.set(key, list);
      this.last = { url, insecure, list };
    }
    for (const c of list) {
      if (!c.busy) {
        c.busy = true;
        return c;
      }
    }
    const state = { socket: null as Socket | null, fresh: null as ConnectTimes | null };
    const client = new Client(`${url.protocol}//${url.host}`, {
      connect: connectorFor(state, insecure),
      pipelining: 1,
      // The runner enforces k6's per-request `timeout` itself.
      headersTimeout: 0,
      bodyTimeout: 0,
      keepAliveTimeout: 60_000,
      keepAliveMaxTimeout: 600_000,
    });
    const conn: Connection = Object.assign(state, { client, busy: true });
    list.push(conn);
    return conn;
  }

  /** Hands a connection back (or drops it when a cancelled connect left it unusable). */
  release(conn: Connection, broken = false): void {
    conn.busy = false;
    if (!broken) return;
    for (const list of this.byOrigin.values()) {
      const i = list.indexOf(conn);
      if (i >= 0) list.splice(i, 1);
    }
    // A connect still in progress is not the client's yet: end it here.
    conn.socket?.destroy();
    conn.client.destroy().catch(() => {});
  }

  /** Closes every connection. */
  destroy(): void {
    for (const list of this.byOrigin.values())
      for (const c of list) c.client.destroy().catch(() => {});
    this.byOrigin.clear();
    this.last = null;
  }
}
