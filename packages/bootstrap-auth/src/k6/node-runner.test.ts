import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunSeries } from '@rota-perf/core';
import { run } from '@rota-perf/node-runner';
import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// End to end: a k6 script that uses the built core and k6 adapter, run by node-runner (the
// k6 runtime on Node) against rota-api. Tests run after `build` (turbo). Plain HTTP because
// node-runner's setup() does not honour insecureSkipTLSVerify yet (reported to its owner).
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const CHECKS = [
  'dataset complete',
  'progress write 200',
  'token refreshed from k6 response',
  'enrol with refreshed token 200',
];

const script = `
import http from 'k6/http';
import { check } from 'k6';
import { bootstrap, configFromEnv, refreshFrom, sessionHeaders } from '${pathToFileURL(join(dist, 'index.js')).href}';
import { createK6Client, mapK6Response } from '${pathToFileURL(join(dist, 'k6/index.js')).href}';

const config = configFromEnv(__ENV);
export const options = {
  insecureSkipTLSVerify: config.insecureSkipTlsVerify,
  vus: 1,
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
};

export async function setup() {
  return bootstrap(createK6Client(), config);
}

export default async function (data) {
  const { session, dataset } = data;
  check(dataset, { '${CHECKS[0]}': (d) => d.missing.length === 0 && d.formQuestions.length > 0 });
  const write = await http.asyncRequest(
    'PUT',
    session.baseUrl + '/trails/' + dataset.trailId + '/items/' + dataset.itemId + '/progress',
    JSON.stringify({ status: 'IN_PROGRESS', progress_value: 30 }),
    { headers: Object.assign({ 'Content-Type': 'application/json' }, sessionHeaders(session)) },
  );
  check(write, { '${CHECKS[1]}': (r) => r.status === 200 });
  const login = await http.asyncRequest(
    'POST',
    session.baseUrl + '/auth/login',
    JSON.stringify({ email: data.credentials.email, password: data.credentials.password }),
    { headers: { 'Content-Type': 'application/json' } },
  );
  const before = session.csrfToken;
  const changed = refreshFrom(session, mapK6Response(login));
  check(session, { '${CHECKS[2]}': (s) => changed && s.csrfToken !== before && s.csrfToken === login.cookies[s.csrfCookieName][0].value });
  const enrol = await http.asyncRequest(
    'POST',
    session.baseUrl + '/user-trails/' + dataset.trailId + '/enroll',
    null,
    { headers: sessionHeaders(session) },
  );
  check(enrol, { '${CHECKS[3]}': (r) => r.status === 200 });
}

export function handleSummary() {
  return {};
}
`;

let api: StartedRotaApi;
let dir = '';

beforeAll(async () => {
  [api, dir] = await Promise.all([
    startRotaApi({ fixture: 'small', tls: false, port: 0 }),
    mkdtemp(join(tmpdir(), 'bootstrap-auth-k6-')),
  ]);
});

afterAll(async () => {
  await api?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the k6 adapter under node-runner', () => {
  it('bootstraps in setup() and the VU writes, refreshes the token and enrols with it', async () => {
    const path = join(dir, 'bootstrap-e2e.js');
    await writeFile(path, script);
    const result = await run(path, {
      env: { BASE_URL: api.url },
      quiet: true,
      cwd: dir,
      outputs: ['json=samples.ndjson'],
      seriesFile: 'series.json',
    });
    expect(result.exitCode).toBe(0);
    const checks = result.summaryData?.root_group.checks ?? [];
    expect(checks.map((check) => [check.name, check.passes, check.fails])).toEqual(
      CHECKS.map((name) => [name, 1, 0]),
    );
    // Setup requests are tagged phase=setup and their expected 401/409 are not failures.
    const failed = result.summaryData?.metrics.http_req_failed?.values;
    expect(failed?.passes ?? 0).toBe(0);

    // Each setup request is named by its route (k6's `name` tag, which k6 copies into `url`),
    // so no metric, series row or report line holds the target's port or an id.
    const ndjson = await readFile(join(dir, 'samples.ndjson'), 'utf8');
    const setupRequests = ndjson
      .split('\n')
      .filter((line) => line.includes('"metric":"http_reqs"') && line.includes('"Point"'))
      .map((line) => (JSON.parse(line) as { data: { tags: Record<string, string> } }).data.tags)
      .filter((tags) => tags.phase === 'setup');
    expect(new Set(setupRequests.map((t) => `${t.setup_step} ${t.name} ${t.url}`))).toEqual(
      new Set([
        'register POST /auth/register POST /auth/register',
        'hydrate GET /trails/ GET /trails/',
        'enrol POST /user-trails/:id/enroll POST /user-trails/:id/enroll',
        'hydrate GET /trails/:id/sections-with-items GET /trails/:id/sections-with-items',
        'hydrate GET /trails/:id/items/:itemId GET /trails/:id/items/:itemId',
      ]),
    );
    const series = JSON.parse(await readFile(join(dir, 'series.json'), 'utf8')) as RunSeries;
    const setupNames = series.requests.filter((r) => r.scenario === '').map((r) => r.name);
    expect(setupNames).toContain('POST /auth/register');
    expect(setupNames.filter((name) => name.includes('://'))).toEqual([]);
  });
});
