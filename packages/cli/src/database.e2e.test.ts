// The Database section end to end: `rota-perf start` on the embedded target (its PostgreSQL
// keeps statement statistics) writes database_insights.json and a report that lists, per
// endpoint, the statements it caused; a --base-url target with a database that lacks
// pg_stat_statements gets one line saying so, and the run goes on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DatabaseInsightsJson, RESULT_FILE } from '@rota-perf/core';
import { loadResultSchema } from '@rota-perf/core/node';
import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { startEmbeddedDatabase } from '@rota-perf/rota-db';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

const PHASES = ['WARMUP_DURATION=1s', 'TEST_DURATION=3s', 'COOLDOWN_DURATION=1s'].flatMap((p) => [
  '-e',
  p,
]);
const validate = new Ajv2020({ allErrors: true }).compile(
  loadResultSchema(RESULT_FILE.databaseInsights),
);

const scratch = useScratchDir('rota-perf-database-');

it('start on the embedded target: the report lists each endpoint with the statements it caused', async () => {
  const out = join(scratch.dir, 'embedded');
  const run = await runCli(['start', '--out', out, '-q', '--no-db-bench', ...PHASES]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toContain('database figures');
  const doc = JSON.parse(
    await readFile(join(out, RESULT_FILE.databaseInsights), 'utf8'),
  ) as DatabaseInsightsJson;
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(doc.database.embedded).toBe(true);
  expect(doc.statements.available).toBe(true);
  const routes = doc.statements.routes.map((r) => r.route);
  expect(routes).toEqual(
    expect.arrayContaining([
      'GET /trails/:trailId',
      'GET /trails/showcase',
      'GET /user-trails/:trailId/progress',
      'GET /me',
    ]),
  );
  // Every authenticated route reads the session's user: the same statement, once per route.
  const userLookup = (route: string) =>
    doc.statements.routes
      .find((r) => r.route === route)
      ?.statements.find((s) => /from "users"/.test(s.query));
  const me = userLookup('GET /me');
  const progress = userLookup('GET /user-trails/:trailId/progress');
  expect(me?.query).toBe(progress?.query);
  expect(me?.query_id).not.toBe(progress?.query_id);
  expect(doc.waits.summary?.rounds).toBeGreaterThan(0);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  const section = html.slice(html.indexOf('<section id="database">'));
  expect(section).toContain('<h2>Database</h2>');
  expect(section).toContain(
    '<h3 class="route" data-route="GET /trails/:trailId">GET /trails/:trailId (endpoint GET /trails/:id)</h3>',
  );
  expect(section).toContain('<h3 class="route" data-route="GET /me">GET /me</h3>');
  expect(section).toMatch(/of the endpoint’s time\) over \d+ requests/);
  expect(run.stdout).toContain(join(out, RESULT_FILE.databaseInsights));
});

it('a --base-url target whose database lacks pg_stat_statements: one line, and the run goes on', async () => {
  // The API under load, and a database that does not preload pg_stat_statements named as its
  // own: the line says what is missing and how to enable it; waits are still sampled.
  let api: StartedRotaApi | undefined;
  const plain = await startEmbeddedDatabase();
  try {
    api = await startRotaApi({ fixture: 'small' });
    const out = join(scratch.dir, 'remote');
    const run = await runCli([
      'bench',
      '--out',
      out,
      '-q',
      '--no-report',
      '--base-url',
      api.url,
      '--database-url',
      plain.url,
      ...PHASES,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.includes('database figures'));
    expect(lines).toEqual([
      'rota-perf: database figures: pg_stat_statements is not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server',
    ]);
    const doc = JSON.parse(await readFile(join(out, RESULT_FILE.databaseInsights), 'utf8'));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.statements).toMatchObject({ available: false, routes: [] });
    expect(doc.waits.available).toBe(true);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.total_requests).toBeGreaterThan(0);
  } finally {
    await api?.stop();
    await plain.stop();
  }
});

it('--database-url without a --base-url target is refused in one line', async () => {
  const run = await runCli(['bench', '--database-url', 'postgres://u:secret@127.0.0.1:1/x']);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(
    'rota-perf bench: --database-url names the database of a target given with --base-url or BASE_URL; the embedded target has its own',
  );
});
