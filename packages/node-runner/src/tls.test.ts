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

/** Runs a fixture against the server; returns the exit code and the console lines. */
async function runAgainstServer(fixture: string, ...env: string[]) {
  const args = ['run', '-q', '-e', `BASE=${base}`];
  for (const e of env) args.push('-e', e);
  const r = await runBin([...args, resolve(fixturesDir, fixture)]);
  return { code: r.code, messages: consoleMessages(r.stderr) };
}

describe('TLS', () => {
  it('rejects an unknown certificate authority with k6 error code 1310', async () => {
    expect(await runAgainstServer('tls.js')).toEqual({
      code: 0,
      messages: ['TLS 0 1310 false x509: certificate signed by unknown authority'],
    });
  });

  it('accepts it with insecureSkipTLSVerify and measures the handshake', async () => {
    expect(await runAgainstServer('tls.js', 'INSECURE=1')).toEqual({
      code: 0,
      messages: ['TLS 200 0 true '],
    });
  });

  it('applies insecureSkipTLSVerify to setup() and teardown() too, not only to iterations', async () => {
    expect(await runAgainstServer('tls-lifecycle.js')).toEqual({
      code: 0,
      messages: ['SETUP 200 0', 'DEFAULT 200 0', 'TEARDOWN 200 0'],
    });
  });
});
