import { listenForeignServer } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT_CASES, type BadInputCase } from './test-support/bad-input-cases.js';
import { runCli } from './test-support/run-cli.js';

// Progress lines a command may print before it finds the problem.
const ANNOUNCEMENT = /^(serve: starting|target: )/;

async function runCase(c: BadInputCase) {
  const server = c.foreign ? await listenForeignServer(c.foreign) : null;
  try {
    const argv = c.argv.map((a) => a.replace('{foreign}', String(server?.port)));
    const started = Date.now();
    const run = await runCli(argv, c.env);
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !ANNOUNCEMENT.test(l));
    const shown = `${c.name}\n${run.stderr}`;
    expect(run.code, shown).toBe(c.expectExit);
    expect(lines, shown).toHaveLength(1);
    expect(lines[0], shown).toMatch(c.expectStderr);
    expect(run.stderr, shown).not.toMatch(/\n\s+at /);
    if (server) {
      expect(server.connections(), shown).toBeGreaterThanOrEqual(1);
      expect(server.connections(), shown).toBeLessThanOrEqual(c.maxConnections ?? 1);
      // One attempt with a 5 s deadline, not a retry loop.
      expect(Date.now() - started, shown).toBeLessThan(30_000);
    }
  } finally {
    await server?.close();
  }
}

describe('bad input and foreign servers (built rota-perf)', () => {
  for (const c of BAD_INPUT_CASES) it(c.name, () => runCase(c));
});
