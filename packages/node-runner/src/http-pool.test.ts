import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from './run.js';
import { fixturesDir, packageRoot, startServer } from './test-support/harness.js';

// Connection reuse through the undici client, against a real server that counts connections.
type Run = (
  script: string,
  opts: { env?: Record<string, string>; quiet?: boolean },
) => Promise<RunResult>;
let run: Run;
let server: Awaited<ReturnType<typeof startServer>>;
let connections = 0;
let bytesIn = 0;
beforeAll(async () => {
  ({ run } = (await import(resolve(packageRoot, 'dist/index.js'))) as { run: Run });
  server = await startServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('pooled'));
  });
  server.server.on('connection', (socket) => {
    connections++;
    socket.on('data', (c: Buffer) => (bytesIn += c.length));
  });
});
afterAll(() => server?.close());

describe('per-VU keep-alive connections', () => {
  it('opens one connection per request a VU has in flight at once, and reuses them', async () => {
    const vus = 3;
    const iterations = 4;
    const concurrent = 2; // the fixture's Promise.all of two requests
    const result = await run(resolve(fixturesDir, 'pool.js'), {
      env: { BASE: `${server.base}/` },
      quiet: true,
    });
    expect(result.exitCode).toBe(0);
    expect(connections).toBe(vus * concurrent);
    const values = (name: string) => result.summaryData?.metrics[name]?.values ?? {};
    const requests = vus * iterations * (1 + concurrent);
    expect(values('http_reqs').count).toBe(requests);
    // A request that opened its connection has `connecting` > 0; reused ones have 0.
    expect(values('http_req_connecting').max).toBeGreaterThan(0);
    expect(values('http_req_connecting').med).toBe(0);
    // data_sent counts exactly the bytes the server received.
    expect(values('data_sent').count).toBe(bytesIn);
    expect(values('http_req_failed').rate).toBe(0);
  });

  it('tags samples as k6: custom tags over system tags, scenario tags on every sample', async () => {
    const vus = 3;
    const iterations = 4;
    const result = await run(resolve(fixturesDir, 'pool.js'), {
      env: { BASE: `${server.base}/` },
      quiet: true,
    });
    const count = (name: string) => result.summaryData?.metrics[name]?.values.count;
    const requests = vus * iterations * 3;
    expect({
      post: count('http_reqs{method:POST}'),
      first: count('http_reqs{name:first}'),
      scenario: count('http_reqs{scenario:pool}'),
      ok: count('http_reqs{status:200}'),
      iterations: count('iterations{scenario:pool}'),
    }).toEqual({
      post: vus * iterations,
      first: vus * iterations,
      scenario: requests,
      ok: requests,
      iterations: vus * iterations,
    });
  });
});
