import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleMessages,
  envArgs,
  fixturesDir,
  runBin,
  startServer,
} from './test-support/harness.js';

// The runner's HTTP/1.1 client against a raw TCP server that answers each path in a way a
// real server may: chunked, HTTP/1.0 to the close, closing idle keep-alive connections, garbage.
const ANSWERS: Record<string, string> = {
  '/chunked':
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
  '/http10': 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold style',
  '/closes-when-idle': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
  '/drops-next': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
  '/ok': 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
  '/garbage': 'SSH-2.0-OpenSSH_9.6\r\n\r\n',
};

let server: Server;
let base = '';
const received: string[] = [];
let connections = 0;

function serve(socket: Socket): void {
  connections++;
  let buffered = '';
  let idleClose: NodeJS.Timeout | undefined;
  let dropNext = false;
  socket.on('data', (chunk) => {
    clearTimeout(idleClose);
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      received.push(head);
      if (dropNext) {
        socket.destroy();
        return;
      }
      const [method = '', path = ''] = head.split(' ');
      const answer = ANSWERS[path] ?? 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n';
      // HEAD: the same head, no body.
      socket.write(method === 'HEAD' ? answer.slice(0, answer.indexOf('\r\n\r\n') + 4) : answer);
      if (path === '/http10' || path === '/garbage') socket.end();
      if (path === '/closes-when-idle') idleClose = setTimeout(() => socket.destroy(), 100);
      if (path === '/drops-next') dropNext = true;
    }
  });
  socket.on('error', () => {});
}

// A real HTTP server that lets an upload wait 300 ms before it reads it.
let slowReader: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  slowReader = await startServer((req, res) => {
    req.pause();
    setTimeout(() => {
      req.resume();
      req.on('end', () => res.end('got it'));
    }, 300);
  });
});
afterAll(async () => {
  server?.close();
  await slowReader?.close();
});

describe('HTTP/1.1 client', () => {
  it('reads chunked, HEAD and HTTP/1.0 responses, survives idle closes, refuses bad headers and garbage', async () => {
    const env = envArgs({ BASE: base, SLOW_READER: slowReader.base });
    const r = await runBin(['run', '-q', ...env, resolve(fixturesDir, 'http-client.js')]);
    expect(r.code).toBe(0);
    const messages = consoleMessages(r.stderr);
    // A large body's `sending` lasts until the server has taken it (k6 times the write).
    expect(messages.pop()).toBe('UPLOAD 200 true');
    const seen = Object.fromEntries(
      messages.map((m) => [m.slice(0, m.indexOf(' ')), JSON.parse(m.slice(m.indexOf(' ') + 1))]),
    );
    const ok = (body: string, proto = 'HTTP/1.1') => ({
      status: 200,
      proto,
      body,
      error: '',
      code: 0,
    });
    expect(seen).toEqual({
      CHUNKED: ok('hello world'),
      HEAD: ok(''),
      HTTP10: ok('old style', 'HTTP/1.0'),
      BEFORE_IDLE_CLOSE: ok('ok'),
      AFTER_IDLE_CLOSE: ok('ok'),
      STALE_FIRST: ok('ok'),
      // A GET meeting a connection the server drops is sent again on a new one, as Go does.
      STALE_SECOND: ok('ok'),
      BAD_HEADER: {
        status: 0,
        proto: '',
        body: null,
        error: 'net/http: invalid header field value for "X-Bad"',
        code: 1000,
      },
      GARBAGE: {
        status: 0,
        proto: '',
        body: null,
        error: 'malformed HTTP response "SSH-2.0-OpenSSH_9.6"',
        code: 1000,
      },
    });
    // The header with a line break never reached the server.
    expect(received.some((h) => h.includes('Injected'))).toBe(false);
    expect(received[0]).toMatch(
      /^GET \/chunked HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nUser-Agent: k6\/0\.49\.0/,
    );
    expect(received.filter((h) => h.startsWith('GET /drops-next ')).length).toBe(3);
    // chunked, HEAD, http10 | garbage | closes-when-idle | closes-when-idle, drops-next ×2 | retry
    expect(connections).toBe(5);
  });
});
