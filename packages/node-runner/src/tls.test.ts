import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleMessages, fixturesDir, runBin } from './test-support/harness.js';

// A real HTTPS server with a self-signed certificate.
let server: Server;
let base: string;
beforeAll(async () => {
  // A throw-away self-signed test certificate (CN=127.0.0.1) committed with the fixtures.
  const pem = (name: string) => readFileSync(resolve(fixturesDir, name));
  server = createServer({ key: pem('tls-key.pem'), cert: pem('tls-cert.pem') }, (_req, res) =>
    res.end('secure'),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('TLS', () => {
  it('rejects an unknown certificate authority with k6 error code 1310', async () => {
    const r = await runBin(['run', '-q', '-e', `BASE=${base}`, resolve(fixturesDir, 'tls.js')]);
    expect(r.code).toBe(0);
    expect(consoleMessages(r.stderr)).toEqual([
      'TLS 0 1310 false x509: certificate signed by unknown authority',
    ]);
  });

  it('accepts it with insecureSkipTLSVerify and measures the handshake', async () => {
    const r = await runBin([
      'run',
      '-q',
      '-e',
      `BASE=${base}`,
      '-e',
      'INSECURE=1',
      resolve(fixturesDir, 'tls.js'),
    ]);
    expect(r.code).toBe(0);
    expect(consoleMessages(r.stderr)).toEqual(['TLS 200 0 true ']);
  });

  it('applies insecureSkipTLSVerify to setup() and teardown() too, not only to iterations', async () => {
    const r = await runBin([
      'run',
      '-q',
      '-e',
      `BASE=${base}`,
      resolve(fixturesDir, 'tls-lifecycle.js'),
    ]);
    expect(r.code).toBe(0);
    expect(consoleMessages(r.stderr)).toEqual(['SETUP 200 0', 'DEFAULT 200 0', 'TEARDOWN 200 0']);
  });
});
