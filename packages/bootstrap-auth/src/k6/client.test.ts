import { beforeEach, describe, expect, it, vi } from 'vitest';

// k6/http exists only inside k6; this stand-in records what the adapter passes to it, so the
// parameter building is checked here and the response mapping against k6-golden elsewhere.
const calls: Array<{
  method: string;
  url: string;
  body: unknown;
  params: Record<string, unknown>;
}> = [];
vi.mock('k6/http', () => ({
  default: {
    expectedStatuses: (...statuses: number[]) => ({ expected: statuses }),
    asyncRequest: async (
      method: string,
      url: string,
      body: unknown,
      params: Record<string, unknown>,
    ) => {
      calls.push({ method, url, body, params });
      return {
        status: 200,
        headers: { 'X-Csrf-Token': 't' },
        cookies: { rota_session: [{ name: 'rota_session', value: 's', path: '/' }] },
        body: '{}',
        error: '',
        error_code: 0,
      };
    },
  },
}));

const { createK6Client } = await import('./index.js');

describe('createK6Client', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('passes method, url, body and headers; maps the response', async () => {
    const client = createK6Client();
    const response = await client.request('POST', 'http://h/x', '{"a":1}', {
      Accept: 'application/json',
    });
    expect(calls).toEqual([
      {
        method: 'POST',
        url: 'http://h/x',
        body: '{"a":1}',
        params: { headers: { Accept: 'application/json' } },
      },
    ]);
    expect(response).toEqual({
      status: 200,
      headers: { 'X-Csrf-Token': 't' },
      cookies: { rota_session: ['s'] },
      body: '{}',
    });
  });

  it('merges default and request tags, sets timeout and a responseCallback for expected statuses', async () => {
    const client = createK6Client({ timeout: '10s', tags: { script: 'perf', phase: 'x' } });
    await client.request(
      'GET',
      'http://h/y',
      null,
      {},
      { tags: { phase: 'setup' }, expectedStatuses: [200, 401] },
    );
    expect(calls[0]?.params).toEqual({
      headers: {},
      tags: { script: 'perf', phase: 'setup' },
      timeout: '10s',
      responseCallback: { expected: [200, 401] },
    });
  });

  it('never passes undefined parameters', async () => {
    await createK6Client().request(
      'GET',
      'http://h/z',
      null,
      {},
      { tags: {}, expectedStatuses: [] },
    );
    expect(Object.keys(calls[0]?.params ?? {})).toEqual(['headers']);
  });
});
