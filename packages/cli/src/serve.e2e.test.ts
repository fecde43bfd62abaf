// rota-perf serve: a real API on a free port until Ctrl-C, then nothing of it is left.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

it('pnpm rota-perf serve: SIGTERM to pnpm reaches node, which stops the server and its PostgreSQL', async () => {
  // The root scripts are `turbo … && exec node …`: without exec, sh got the signal and node
  // ran on under no parent.
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const pnpm = spawn('pnpm', ['rota-perf', 'serve'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  pnpm.stdout.on('data', (chunk) => (output += chunk));
  pnpm.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => pnpm.once('exit', resolve));
  const deadline = Date.now() + 150_000;
  while (!/Press Ctrl-C to stop/.test(output) && Date.now() < deadline && pnpm.exitCode === null)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(output).toMatch(/Rota API listening on/);
  const started = descendantsOf(pnpm.pid as number);
  expect(started.some((p) => p.cmdline.includes('rota-perf.js serve'))).toBe(true);
  expect(started.some((p) => POSTGRES.test(p.cmdline))).toBe(true);
  pnpm.kill('SIGTERM');
  await exited;
  const left = await survivorsAfter(started, 5000);
  // A failing run must not leave its server behind (node's guard stops the rest).
  for (const p of left) if (p.cmdline.includes('rota-perf.js')) process.kill(p.pid, 'SIGTERM');
  expect(left.map((p) => p.cmdline)).toEqual([]);
  expect(output).toContain('stopped the server and its database');
});
