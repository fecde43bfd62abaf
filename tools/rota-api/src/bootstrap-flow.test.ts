import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootedApi, bootRotaApi } from './boot.js';
import { mainPhaseReadPaths } from './main-phase.js';
import { cookiesOf, postJson, registerBody } from './test-support/client.js';
import { TEST_ENV } from './test-support/harness.js';

// The k6 setup() of docs/rota-api.md §5.1, done with plain fetch against the `small` fixture, then one
// request to every main-phase endpoint (docs/rota-api.md §6: none may answer >= 400).
let api: BootedApi;
beforeAll(async () => {
  api = await bootRotaApi({ fixture: 'small', env: TEST_ENV });
});
afterAll(async () => {
  await api?.shutdown();
});

// The cookies the k6 setup picks when the API uses its default names (bootstrap-auth's own
// tests check its candidate search against this API).
function extractAuth(response: Response) {
  const cookies = cookiesOf(response);
  const session = cookies.get('rota_session');
  const csrf = cookies.get('rota_csrf');
  if (!session || !csrf) throw new Error('auth cookies missing');
  return {
    csrfToken: response.headers.get('x-csrf-token') ?? csrf,
    csrfCookie: csrf,
    cookieHeader: `rota_session=${session}; rota_csrf=${csrf}`,
  };
}

describe('k6 bootstrap flow (docs/rota-api.md §5.1) against the small fixture', () => {
  it('register -> 409 -> login; hydrate; enrol; every main-phase endpoint answers < 400', async () => {
    const body = registerBody();
    const credentials = { email: body.email, password: body.password };
    const post = (path: string, json: unknown) => postJson(`${api.url}${path}`, json);
    expect((await post('/auth/register', body)).status).toBe(200);
    expect((await post('/auth/register', body)).status).toBe(409);
    const login = await post('/auth/login', { ...credentials, remember: true });
    expect(login.status).toBe(200);
    const auth = extractAuth(login);
    expect(auth.csrfToken).toBe(auth.csrfCookie);

    const headers = { accept: 'application/json', cookie: auth.cookieHeader };
    const trails = (await (await fetch(`${api.url}/trails/`, { headers })).json()) as {
      trails: Array<{ id: number; name: string }>;
    };
    const names = trails.trails.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    const trailId = trails.trails[0]?.id as number;
    const sections = (await (
      await fetch(`${api.url}/trails/${trailId}/sections-with-items`, { headers })
    ).json()) as Array<{
      id: number;
      items: Array<{ id: number; type: string; duration_seconds: number | null }>;
    }>;
    const sectionId = sections[0]?.id as number;
    const first = sections[0]?.items[0];
    expect(first).toBeDefined();
    const formItemId = sections.flatMap((s) => s.items).find((i) => i.type === 'FORM')?.id;
    expect(formItemId).toBeDefined();
    const detail = await fetch(`${api.url}/trails/${trailId}/items/${formItemId}`, { headers });
    expect(detail.status).toBe(200);
    const form = (
      (await detail.json()) as {
        form: { questions: Array<{ id: number; options: Array<{ id: number }> }> };
      }
    ).form;
    const formQuestions = form.questions.map((q) => ({
      id: q.id,
      firstOptionId: q.options[0]?.id ?? null,
    }));
    expect(formQuestions.length).toBeGreaterThan(0);

    const write = { ...headers, 'x-csrf-token': auth.csrfToken };
    expect(
      (await fetch(`${api.url}/user-trails/${trailId}/enroll`, { method: 'POST', headers: write }))
        .status,
    ).toBe(200);

    const reads = mainPhaseReadPaths({ trailId, sectionId, itemId: first?.id as number });
    for (const path of reads)
      expect((await fetch(`${api.url}${path}`, { headers })).status, path).toBeLessThan(400);

    const d = first?.duration_seconds ?? 0;
    const value = d > 0 ? Math.min(Math.max(10, Math.floor(0.3 * d)), d) : 30;
    const json = { ...write, 'content-type': 'application/json' };
    for (let i = 0; i < 3; i += 1) {
      const put = await fetch(`${api.url}/trails/${trailId}/items/${first?.id}/progress`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ status: 'IN_PROGRESS', progress_value: value }),
      });
      expect(put.status).toBe(200);
    }
    const answers = formQuestions.map((q) =>
      q.firstOptionId !== null
        ? { question_id: q.id, selected_option_id: q.firstOptionId, answer_text: null }
        : { question_id: q.id, selected_option_id: null, answer_text: 'Benchmark answer' },
    );
    const submission = await fetch(
      `${api.url}/trails/${trailId}/items/${formItemId}/form-submissions`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ duration_seconds: 30, answers }),
      },
    );
    expect(submission.status).toBe(200);
  });
});
