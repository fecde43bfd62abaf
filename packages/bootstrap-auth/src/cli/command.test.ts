import { runCaptured } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import {
  authOk,
  respond,
  scriptedClient,
  trailRoutes,
} from '../core/test-support/scripted-client.js';
import { bootstrapCommand, createBootstrapCommand } from './command.js';

const BASE = 'http://127.0.0.1:1';

const run = (argv: string[], env: Record<string, string>) =>
  runCaptured(
    createBootstrapCommand(() => target()),
    argv,
    { env },
  );

const target = () =>
  scriptedClient(BASE, {
    'POST /auth/register': authOk('s', 'c'),
    'POST /user-trails/3/enroll': respond(200, { ok: true, first_item_id: 100 }),
    ...trailRoutes(3, [{ id: 10, items: [{ id: 100, type: 'DOC' }] }], { 100: respond(200, {}) }),
  });

describe('bootstrap command', () => {
  it('prints a summary, warns once about the missing FORM item, exits 0', async () => {
    const { code, out, err } = await run([], { BASE_URL: BASE });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/trail: +3 +section: 10/);
    expect(out.join('\n')).toContain('skipped:     trail_form_submission');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('no FORM item');
  });

  it('--json prints the whole result as JSON', async () => {
    const { code, out } = await run(['--json'], { BASE_URL: BASE });
    expect(code).toBe(0);
    const parsed = JSON.parse(out.join('\n'));
    expect(parsed.dataset).toMatchObject({ trailId: 3, itemId: 100 });
    expect(parsed.session.cookieHeader).toBe('rota_session=s; rota_csrf=c');
  });

  it('usage and configuration errors exit 2 with one line naming the bad value', async () => {
    expect(await run(['--jsn'], {})).toEqual({
      code: 2,
      out: [],
      err: ['bootstrap: unknown option "--jsn" (see bootstrap --help)'],
    });
    expect(await run([], { LOGIN_USER_POOL: 'many' })).toEqual({
      code: 2,
      out: [],
      err: ['bootstrap: LOGIN_USER_POOL must be a whole number from 0 to 1000, got "many"'],
    });
    expect(await run([], { INSECURE_SKIP_TLS_VERIFY: 'sometimes' })).toEqual({
      code: 2,
      out: [],
      err: ['bootstrap: INSECURE_SKIP_TLS_VERIFY must be true or false, got "sometimes"'],
    });
  });

  it('--help prints usage and exits 0', async () => {
    const { code, out } = await run(['--help'], {});
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Usage: bootstrap [options]');
    expect(out.join('\n')).toContain('--json');
  });

  it('reports an unreachable BASE_URL in one line, exit 1, with the real Node client', async () => {
    const env = { BASE_URL: 'http://127.0.0.1:1' };
    const { code, err } = await runCaptured(bootstrapCommand, [], { env });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(
      'cannot reach BASE_URL http://127.0.0.1:1: nothing is listening there',
    );
  });
});
