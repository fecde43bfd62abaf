// The serve command through the one command-line runner, as `rota-perf serve` runs it.
import type { CommandIo } from '@rota-perf/core';
import { runCaptured, runCommandLine } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import { serveCommand } from './command.js';

describe('serve command', () => {
  it('rejects bad options and a weak JWT_SECRET with one line and exit code 2', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['--fixture', 'huge'], {}, 'serve: --fixture must be one of small, large, got "huge"'],
      [['--port', 'abc'], {}, 'serve: --port must be between 0 and 65535, got "abc"'],
      [['--nope'], {}, 'serve: unknown option "--nope" (see serve --help)'],
      [
        ['--database-url', 'mysql://x'],
        {},
        'serve: database URL "mysql://x" is invalid: expected postgres://user:password@host:port/database',
      ],
      [
        [],
        { JWT_SECRET: 'changeme' },
        'serve: JWT_SECRET is too short (8 chars): expected at least 16 characters',
      ],
    ];
    for (const [args, env, line] of cases) {
      const run = await runCaptured(serveCommand, args, { env });
      expect(run, line).toEqual({ code: 2, out: [], err: [line] });
    }
  });

  it('prints the URL, serves, and stops its server and database on abort', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CommandIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {},
      cwd: '/',
      tty: false,
    };
    const controller = new AbortController();
    const done = runCommandLine(serveCommand, ['--port', '0'], io, controller.signal);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/\S+)/.exec(out.join('\n'));
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 100);
      void done.then((code) => {
        clearInterval(timer);
        reject(new Error(`exited early (${code}): ${err.join('\n')}`));
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    controller.abort();
    expect(await done).toBe(0);
    expect(err).toContain('serve: stopped the server and its database');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
