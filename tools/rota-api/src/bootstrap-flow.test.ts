import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootedApi, bootRotaApi } from './boot.js';
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

const SESSION_CANDIDATES = ['rota_session', 'sessionid', 'session'];
const CSRF_CANDIDATES = [
  'rota_csrftoken',
  'rota_csrf',
  'csrftoken',
  'csrf_token',
  'xsrf-token',
  'xsrftoken',
];

function extractAuth(response: Response) {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  const find = (candidates: string[], fragment: RegExp) =>
    candidates.find((c) => cookies.has(c)) ?? [...cookies.keys()].find((k) => fragment.test(k));
  const sessionName = find(SESSION_CANDIDATES, /session/i);
  const csrfName = find(CSRF_CANDIDATES, /csrf|xsrf/i);
  if (!sessionName || !csrfName) throw new Error('auth cookies missing');
  const csrfToken = response.headers.get('x-csrf-token') ?? cookies.get(csrfName) ?? '';
  return {
    csrfToken,
    csrfCookie: cookies.get(csrfName),
    cookieHeader: `${sessionName}=${cookies.get(sessionName)}; ${csrfName}=${cookies.get(csrfName)}`,
  };
}

describe('k6 bootstrap flow (docs/rota-api.md §5.1) against the small fixture', () => {
  it('register -> 409 -> login; hydrate; enrol; every main-phase endpoint answers < 400', async () => {
    const ms = Date.now();
    const credentials = { email: `perf-${ms}@example.com`, password: 'PerfTest@123' };
    const registerBody = {
      ...credentials,
      name_for_certificate: 'Performance Tester',
      username: `perf_${ms}`,
      sex: 'M',
      color: 'NS',
      role: 'User',
      birthday: '1990-01-01',
      remember: true,
    };
    const post = (path: string, body: unknown) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/auth/register', registerBody)).status).toBe(200);
    expect((await post('/auth/register', registerBody)).status).toBe(409);
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

    const reads = [
      '/trails/showcase',
      '/trails/',
      `/trails/${trailId}`,
      `/trails/${trailId}/sections`,
      `/trails/${trailId}/sections/${sectionId}/items`,
      `/trails/${trailId}/sections-with-items`,
      `/trails/${trailId}/included-items`,
      `/trails/${trailId}/requirements`,
      `/trails/${trailId}/audience`,
      `/trails/${trailId}/learn`,
      `/trails/${trailId}/items/${first?.id}`,
      `/user-trails/${trailId}/progress`,
      `/user-trails/${trailId}/items-progress`,
      `/user-trails/${trailId}/sections-progress`,
      '/me',
    ];
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
