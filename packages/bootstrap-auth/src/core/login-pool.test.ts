import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { prepareLoginPool } from './login-pool.js';
import { authOk, respond, scriptedClient } from './test-support/scripted-client.js';

const BASE = 'http://127.0.0.1:1';
const config = configFromEnv({ BASE_URL: BASE, AUTH_PASSWORD: 'pw' }, { now: 77 });

describe('prepareLoginPool', () => {
  it('registers n distinct users and returns their credentials', async () => {
    const client = scriptedClient(BASE, { 'POST /auth/register': authOk('s', 'c') });
    const pool = await prepareLoginPool(client, config, 4);
    expect(pool).toHaveLength(4);
    expect(new Set(pool.map((user) => user.email)).size).toBe(4);
    const sent = client.calls.map((call) => JSON.parse(call.body ?? ''));
    expect(sent.map((body) => body.email)).toEqual(pool.map((user) => user.email));
    expect(sent.every((body) => body.password === 'pw' && body.color === 'NS')).toBe(true);
  });

  it('stops at the first failure with a message naming the user and status', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/register': [authOk('s', 'c'), respond(429, { detail: 'Muitas tentativas' })],
    });
    await expect(prepareLoginPool(client, config, 5)).rejects.toThrow(
      `login pool: registering user 2 of 5 (perf-77-1@example.com) failed: POST ${BASE}/auth/register returned 429`,
    );
    expect(client.calls).toHaveLength(2);
  });

  it('keeps a user that exists already (409: another instance of a split test registered it)', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/register': [
        authOk('s', 'c'),
        respond(409, { error: 'conflict' }),
        authOk('s', 'c'),
      ],
    });
    const pool = await prepareLoginPool(client, config, 3);
    expect(pool.map((user) => user.email)).toEqual([
      'perf-77-0@example.com',
      'perf-77-1@example.com',
      'perf-77-2@example.com',
    ]);
    expect(client.calls).toHaveLength(3);
  });

  it('does nothing for 0 and rejects a negative size', async () => {
    const client = scriptedClient(BASE, {});
    expect(await prepareLoginPool(client, config, 0)).toEqual([]);
    await expect(prepareLoginPool(client, config, -1)).rejects.toThrow('got -1');
    expect(client.calls).toHaveLength(0);
  });
});
