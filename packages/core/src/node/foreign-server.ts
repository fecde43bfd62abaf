// A loopback server that speaks anything but PostgreSQL, for the tests and the reliability
// suite: every tool that takes a database URL must try it once, say so in one line and stop.
import { createServer, type Socket } from 'node:net';

/** What the server does with each connection. */
export type ForeignAnswer = 'http' | 'bytes' | 'tls' | 'silent' | 'close';

/** A running foreign server. */
export interface ForeignServer {
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

// A TLS alert record (fatal, handshake failure): what a TLS-only port sends to plain bytes.
const TLS_ALERT = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);
// Bytes no PostgreSQL server sends first, control bytes included.
const RANDOM_BYTES = Buffer.from([0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x07, 0xff, 0x01, 0x7f, 0x0d]);

function answer(socket: Socket, kind: ForeignAnswer): void {
  if (kind === 'http') socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
  else if (kind === 'bytes') socket.end(RANDOM_BYTES);
  else if (kind === 'tls') socket.end(TLS_ALERT);
  else if (kind === 'close') socket.end();
  // 'silent' accepts and never answers (closed with the server).
}

/** Starts a foreign server on 127.0.0.1 (a free port) that counts its connections. */
export function listenForeignServer(kind: ForeignAnswer): Promise<ForeignServer> {
  let count = 0;
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    count += 1;
    open.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => open.delete(socket));
    answer(socket, kind);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        port,
        connections: () => count,
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
