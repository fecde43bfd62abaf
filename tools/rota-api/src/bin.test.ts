import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The command as users run it: the built bin (turbo builds before tests).
const BIN = fileURLToPath(new URL('../dist/bin/rota-api.js', import.meta.url));

function runBin(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('rota-api command', () => {
  it('rejects bad options and a weak JWT_SECRET with one line and exit code 2', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--fixture', 'huge'], {}, /--fixture "huge" is invalid: expected small or large/],
      [['--port', 'abc'], {}, /--port "abc" is invalid/],
      [['--nope'], {}, /Unknown option '--nope'/],
      [['--database-url', 'mysql://x'], {}, /database URL "mysql:\/\/x" is invalid/],
      [[], { JWT_SECRET: 'changeme' }, /JWT_SECRET is too short/],
    ];
    for (const [args, env, message] of cases) {
      const run = runBin(args, env);
      expect(await run.exited, args.join(' ')).toBe(2);
      expect(run.err()).toMatch(message);
      expect(run.err()).not.toMatch(/\n\s+at /);
    }
  });

  it('prints the URL, serves, and stops cleanly on SIGINT', async () => {
    const run = runBin(['--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/\S+)/.exec(run.out());
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 100);
      void run.exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`exited early (${code}): ${run.err()}`));
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/Stopping Rota API/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
