// `rota-perf db-bench` interrupted: the README's exit code (105), not the 130/143 the command
// once gave by exiting the process itself, and nothing of its database is left running.
import { expect, it } from 'vitest';
import { descendantsOf, type ProcessEntry, survivorsAfter } from './test-support/processes.js';
import { startCli } from './test-support/run-cli.js';

const POSTGRES = /^(\S*\/)?postgres(:|\s|$)/;

it('Ctrl-C on rota-perf db-bench exits 105 and stops its embedded PostgreSQL', async () => {
  const run = startCli([
    'db-bench',
    '--fixture',
    'small',
    '--iterations',
    '1000000',
    '--warmup',
    '0',
  ]);
  let started: ProcessEntry[] = [];
  for (let i = 0; i < 600 && !started.some((p) => POSTGRES.test(p.cmdline)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    started = descendantsOf(run.child.pid as number);
  }
  expect(
    started.some((p) => POSTGRES.test(p.cmdline)),
    run.output(),
  ).toBe(true);
  // Let it migrate, seed and start its cases.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  started = descendantsOf(run.child.pid as number);
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code, result.stderr).toBe(105);
  expect(result.stderr).toContain('rota-perf: SIGINT received, stopping cleanly');
  expect(result.stderr).toMatch(/rota-perf db-bench: interrupted/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect((await survivorsAfter(started, 3000)).map((p) => p.cmdline)).toEqual([]);
});
