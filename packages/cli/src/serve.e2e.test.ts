// rota-perf serve: a real API on a free port until Ctrl-C, then nothing of it is left.
import { expect, it } from 'vitest';
import { descendantsOf, stillRunning } from './test-support/processes.js';
import { startCli, waitForOutput } from './test-support/run-cli.js';

it('serve answers HTTP, and Ctrl-C stops the server and its PostgreSQL', async () => {
  const run = startCli(['serve']);
  await waitForOutput(run, /Rota API listening on http:\/\/127\.0\.0\.1:\d+/, 150_000);
  const url = /listening on (\S+)/.exec(run.output())?.[1] as string;
  const response = await fetch(`${url}/trails/showcase`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const started = descendantsOf(run.child.pid as number);
  expect(started.some((p) => /postgres/.test(p.cmdline))).toBe(true);
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('stopped the server and its database');
  expect(started.filter(stillRunning).map((p) => p.cmdline)).toEqual([]);
});
