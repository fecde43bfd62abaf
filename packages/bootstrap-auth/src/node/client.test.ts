import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenForeignServer } from '@rota-perf/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../core/config.js';
import { ensureSession } from '../core/ensure-session.js';
import { createNodeClient } from './client.js';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

const handler: Handler = (req, body, res) => {
  if (req.url === '/login') {
    res.setHeader('Set-Cookie', [
      'rota_session=sess; Path=/; HttpOnly; SameSite=Lax',
      'rota_csrf="quoted"; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT',
      'rota_csrf=second; Path=/',
    ]);
    res.setHeader('X-CSRF-Token', 'tok');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ method: req.method, body, cookie: req.headers.cookie ?? null }));
    return;
  }
  if (req.url === '/slow') return; // never answers: the client timeout must end it
  res.statusCode = 404;
  res.end('nf');
};

function listen(server: http.Server | https.Server): Promise<string> {
  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => handler(req, body, res));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port)));
  });
}

describe('createNodeClient over node:http', () => {
  const server = http.createServer();
  let base = '';
  beforeAll(async () => {
    base = `http://127.0.0.1:${await listen(server)}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends method, body and headers; maps status, headers, cookies and body', async () => {
    const client = createNodeClient();
    const response = await client.request('POST', `${base}/login`, '{"a":1}', {
      'Content-Type': 'application/json',
      Cookie: 'x=1',
    });
    client.close();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body ?? '')).toEqual({
      method: 'POST',
      body: '{"a":1}',
      cookie: 'x=1',
    });
    expect(response.headers['x-csrf-token']).toBe('tok');
    // Expires contains a comma: cookies must come from the separate Set-Cookie lines.
    expect(response.cookies).toEqual({ rota_session: ['sess'], rota_csrf: ['quoted', 'second'] });
  });

  it('reports 404 as a status, a refused port and a timeout as status 0 with an error', async () => {
    const client = createNodeClient({ timeoutMs: 300 });
    expect((await client.request('GET', `${base}/nope`, null, {})).status).toBe(404);
    const closed = http.createServer();
    const port = await listen(closed);
    closed.close();
    const refused = await client.request('GET', `http://127.0.0.1:${port}/`, null, {});
    expect(refused).toMatchObject({ status: 0, body: null });
    expect(refused.error).toContain('connection refused');
    const started = Date.now();
    const slow = await client.request('GET', `${base}/slow`, null, {});
    expect(slow.status).toBe(0);
    expect(slow.error).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    client.close();
  });
});

describe('createNodeClient over node:https with a self-signed certificate', () => {
  let server: https.Server;
  let base = '';
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bootstrap-auth-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    server = https.createServer({ key: await readFile(key), cert: await readFile(cert) });
    base = `https://127.0.0.1:${await listen(server)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('skips verification by default (INSECURE_SKIP_TLS_VERIFY defaults to true)', async () => {
    const client = createNodeClient();
    const response = await client.request('POST', `${base}/login`, null, {});
    client.close();
    expect(response.status).toBe(200);
    expect(response.cookies.rota_session).toEqual(['sess']);
  });

  it('verifies when asked to, and reports the certificate problem', async () => {
    const client = createNodeClient({ insecureSkipTlsVerify: false });
    const response = await client.request('POST', `${base}/login`, null, {});
    client.close();
    expect(response.status).toBe(0);
    expect(response.error?.toLowerCase()).toContain('certificate');
  });
});

describe('transport failures against servers that answered (the real Node client)', () => {
  const config = (base: string) => configFromEnv({ BASE_URL: base });
  const failureOf = async (base: string) =>
    (await ensureSession(createNodeClient(), config(base)).catch((e: unknown) => e)) as Error;

  it.each([
    [
      'https:// to a plain-HTTP port',
      'http' as const,
      'https',
      /^BASE_URL https:\/\/127\.0\.0\.1:\d+ answered plain HTTP, not TLS: use http:\/\/127\.0\.0\.1:\d+ \(POST /,
    ],
    [
      'http:// to a TLS port',
      'tls' as const,
      'http',
      /^BASE_URL http:\/\/127\.0\.0\.1:\d+ answered TLS, not plain HTTP: use https:\/\/127\.0\.0\.1:\d+ \(POST .*malformed HTTP response "\\x15\\x03/,
    ],
    [
      'bytes that are not HTTP',
      'bytes' as const,
      'http',
      /^BASE_URL http:\/\/127\.0\.0\.1:\d+ answered something that is not HTTP \(POST /,
    ],
    [
      'a connection closed without an answer',
      'close' as const,
      'http',
      /^BASE_URL http:\/\/127\.0\.0\.1:\d+ closed the connection without an HTTP answer \(POST .*\); if it serves HTTPS, use https:/,
    ],
  ])('%s: says what answered, one line, the hint once', async (_label, kind, scheme, expected) => {
    const server = await listenForeignServer(kind);
    try {
      const error = await failureOf(`${scheme}://127.0.0.1:${server.port}`);
      expect(error.message).toMatch(expected);
      expect(error.message).not.toContain('nothing is listening');
      expect(error.message).not.toContain('\n');
      expect(error.message.split('use ').length).toBeLessThanOrEqual(2);
      expect(error.message).not.toContain('INSECURE_SKIP_TLS_VERIFY');
    } finally {
      await server.close();
    }
  });
});
