import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { type ForeignAnswer, listenForeignServer } from './foreign-server.js';
import { checkDatabaseUrl, probePostgres } from './postgres-probe.js';

const urlAt = (port: number) => `postgres://perf:s3cret@127.0.0.1:${port}/rota`;

describe('probePostgres against servers that are not PostgreSQL', () => {
  const cases: [ForeignAnswer, RegExp][] = [
    ['http', /^it answered HTTP \("HTTP\/1\.1 400 Bad Request"\), not the PostgreSQL protocol$/],
    ['bytes', /^it answered 10 bytes that are not the PostgreSQL protocol \(hex 00 1b 5b/],
    ['tls', /^it answered with TLS, not the PostgreSQL protocol$/],
    ['close', /^the server closed the connection without answering$/],
  ];
  for (const [kind, expected] of cases) {
    it(`${kind}: one connection, one line`, async () => {
      const server = await listenForeignServer(kind);
      try {
        const reason = await probePostgres(urlAt(server.port));
        expect(reason).toMatch(expected);
        expect(server.connections()).toBe(1);
      } finally {
        await server.close();
      }
    });
  }

  it('a server that never answers: the deadline', async () => {
    const server = await listenForeignServer('silent');
    try {
      const started = Date.now();
      const reason = await probePostgres(urlAt(server.port), { timeoutMs: 300 });
      expect(reason).toBe('no PostgreSQL answer within 0.3 s');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(server.connections()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('nothing listening: connection refused', async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    await new Promise((resolve) => server.close(resolve));
    expect(await probePostgres(urlAt(port))).toBe(
      'connection refused (nothing is listening there)',
    );
  });

  it('checkDatabaseUrl: a ConfigError naming the source and the URL without its password', async () => {
    const server = await listenForeignServer('http');
    try {
      const error = await checkDatabaseUrl(urlAt(server.port), '--database-url').catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).exitCode).toBe(2);
      expect((error as Error).message).toBe(
        `--database-url postgres://perf:***@127.0.0.1:${server.port}/rota: it answered HTTP ("HTTP/1.1 400 Bad Request"), not the PostgreSQL protocol`,
      );
    } finally {
      await server.close();
    }
  });

  it('an aborted signal stops the attempt', async () => {
    const server = await listenForeignServer('silent');
    try {
      const controller = new AbortController();
      const pending = probePostgres(urlAt(server.port), { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toThrow('interrupted');
    } finally {
      await server.close();
    }
  });
});
