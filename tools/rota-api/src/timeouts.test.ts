import { connect, type Socket } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './test-support/harness.js';

// Issue 16, item 9: slow request bodies (and headers) were held open for minutes. The bounds
// are configurable; short ones here keep the test short.
const HEADERS_MS = 500;
const REQUEST_MS = 1000;
// The server checks its connections a few times per headers bound; allow that plus slack.
const SLACK_MS = 1500;

const h = useHarness({
  ROTA_API_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
  ROTA_API_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
});
let port: number;
beforeAll(async () => {
  port = Number(new URL(h.url).port);
});

interface Outcome {
  closedAfterMs: number;
  response: string;
}

/**
 * Opens a raw TCP connection, sends `head`, then one of `pieces` every `everyMs` until the server
 * closes the connection or `giveUpMs` passes (bounded either way).
 */
function trickle(
  head: string,
  pieces: string[],
  everyMs: number,
  giveUpMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    let response = '';
    let sent = 0;
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
    });
    const timer = setInterval(() => {
      if (sent < pieces.length && !socket.destroyed) socket.write(pieces[sent++] as string);
    }, everyMs);
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on('data', (chunk) => {
      response += String(chunk);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - started, response });
    });
  });
}

const BODY = JSON.stringify({ email: 'slow@example.com', password: 'x'.repeat(200) });

describe('request and header timeouts', () => {
  it('a body trickled byte by byte is cut off at the request timeout (408)', async () => {
    const head = `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n`;
    const outcome = await trickle(head, [...BODY], 50, 10_000);
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_MS - 100);
    expect(outcome.closedAfterMs).toBeLessThan(REQUEST_MS + SLACK_MS);
    expect(outcome.response).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('headers trickled byte by byte are cut off at the headers timeout', async () => {
    const head = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ';
    const outcome = await trickle(head, [...'a'.repeat(1000)], 50, 10_000);
    expect(outcome.closedAfterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
    expect(outcome.response).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('a request that finishes within the bounds is served, and so is the next one', async () => {
    const head = `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\nConnection: close\r\n\r\n`;
    // The body in four pieces 100 ms apart: slow, but inside the 1 s bound.
    const quarter = Math.ceil(BODY.length / 4);
    const pieces = [0, 1, 2, 3].map((i) => BODY.slice(i * quarter, (i + 1) * quarter));
    const outcome = await trickle(head, pieces, 100, 10_000);
    expect(outcome.response).toMatch(/^HTTP\/1\.1 401 /);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});
