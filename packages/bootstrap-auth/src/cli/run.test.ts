import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  authOk,
  respond,
  scriptedClient,
  trailRoutes,
} from '../core/test-support/scripted-client.js';
import { runBootstrapCommand } from './run.js';

const BASE = 'http://127.0.0.1:1';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
  };
}

const target = () =>
  scriptedClient(BASE, {
    'POST /auth/register': authOk('s', 'c'),
    'POST /user-trails/3/enroll': respond(200, { ok: true, first_item_id: 100 }),
    ...trailRoutes(3, [{ id: 10, items: [{ id: 100, type: 'DOC' }] }], { 100: respond(200, {}) }),
  });

describe('runBootstrapCommand', () => {
  it('prints a summary, warns once about the missing FORM item, exits 0', async () => {
    const { out, err, io } = capture();
    const code = await runBootstrapCommand([], { BASE_URL: BASE }, io, () => target());
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/trail: +3 +section: 10/);
    expect(out.join('\n')).toContain('skipped:     trail_form_submission');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('no FORM item');
  });

  it('--json prints the whole result as JSON', async () => {
    const { out, io } = capture();
    expect(await runBootstrapCommand(['--json'], { BASE_URL: BASE }, io, () => target())).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.dataset).toMatchObject({ trailId: 3, itemId: 100 });
    expect(parsed.session.cookieHeader).toBe('rota_session=s; rota_csrf=c');
  });

  it('usage and configuration errors exit 2 with one line naming the bad value', async () => {
    const bad = capture();
    expect(await runBootstrapCommand(['--jsn'], {}, bad.io, () => target())).toBe(2);
    expect(bad.err).toEqual([
      'rota-bootstrap: unknown argument "--jsn": expected --json or --help',
    ]);
    const env = capture();
    expect(await runBootstrapCommand([], { LOGIN_USER_POOL: 'many' }, env.io, () => target())).toBe(
      2,
    );
    expect(env.err).toHaveLength(1);
    expect(env.err[0]).toContain('LOGIN_USER_POOL');
    expect(env.err[0]).toContain('"many"');
  });

  it('--help prints usage and exits 0', async () => {
    const { out, io } = capture();
    expect(await runBootstrapCommand(['--help'], {}, io)).toBe(0);
    expect(out.join('\n')).toContain('usage: rota-bootstrap');
  });
});

describe('the built rota-bootstrap command', () => {
  // Tests run after `build` (turbo), so the command is exercised as users run it.
  const bin = fileURLToPath(new URL('../../dist/bin/rota-bootstrap.js', import.meta.url));
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [bin],
        { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 },
        (error, _stdout, stderr) => {
          resolve({ code: error ? (error.code as number | null) : 0, stderr });
        },
      );
    });

  it('reports an unreachable BASE_URL in one line, exit 1, no stack trace', async () => {
    const result = await run({ BASE_URL: 'http://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(
      'cannot reach BASE_URL http://127.0.0.1:1: nothing is listening there',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed variable with exit 2', async () => {
    const result = await run({ INSECURE_SKIP_TLS_VERIFY: 'sometimes' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'rota-bootstrap: INSECURE_SKIP_TLS_VERIFY must be true or false, got "sometimes"',
    );
  });
});
