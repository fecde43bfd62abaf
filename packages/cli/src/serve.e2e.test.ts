// rota-perf serve: a real API on a free port until Ctrl-C, then nothing of it is left.
import { startEmbeddedDatabase } from '@rota-perf/rota-db';
import { expect, it } from 'vitest';
import { descendantsOf, survivorsAfter } from './test-support/processes.js';
import { startCli, waitForOutput } from './test-support/run-cli.js';

// The postgres server and its workers (`postgres: checkpointer` …), not scripts naming a path.
const POSTGRES = /^(\S*\/)?postgres(:|\s|$)/;

it('serve answers HTTP, and Ctrl-C stops the server and its PostgreSQL', async () => {
  const run = startCli(['serve']);
  await waitForOutput(run, /Rota API listening on http:\/\/127\.0\.0\.1:\d+/, 150_000);
  const url = /listening on (\S+)/.exec(run.output())?.[1] as string;
  const response = await fetch(`${url}/trails/showcase`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const started = descendantsOf(run.child.pid as number);
  expect(started.some((p) => POSTGRES.test(p.cmdline))).toBe(true);
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('stopped the server and its database');
  expect((await survivorsAfter(started, 3000)).map((p) => p.cmdline)).toEqual([]);
});

it('serve --database-url --fixture loads that fixture into the given database', async () => {
  const pg = await startEmbeddedDatabase();
  try {
    const run = startCli(['serve', '--database-url', pg.url, '--fixture', 'small']);
    await waitForOutput(run, /Rota API listening on http:\/\/127\.0\.0\.1:\d+/, 150_000);
    expect(run.output()).toContain('on the given database (loading the small fixture)');
    const url = /listening on (\S+)/.exec(run.output())?.[1] as string;
    // The showcase lists trails: an empty database (the fixture ignored) has none.
    const showcase = (await (await fetch(`${url}/trails/showcase`)).json()) as {
      trails: unknown[];
    };
    expect(showcase.trails.length).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
  } finally {
    await pg.stop();
  }
});
