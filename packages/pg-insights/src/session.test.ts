import { RESULT_FILE } from '@rota-perf/core';
import { listenForeignServer, loadResultSchema } from '@rota-perf/core/node';
import { Ajv2020 } from 'ajv/dist/2020.js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTagger } from './route-tag.js';
import { startDatabaseInsights } from './session.js';
import { startTestServer, type TestServer } from './test-support/database.js';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
  loadResultSchema(RESULT_FILE.databaseInsights),
);
const schemaErrors = (doc: unknown) =>
  validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const ME = 'GET /me';
const PUT = 'PUT /trails/:trailId/items/:itemId/progress';
const SHARED = 'select name from people where id = $1';
const UPDATE = 'update people set visits = visits + 1 where id = $1';
// pg_stat_statements keeps statements with their constants as parameters.
const UPDATE_NORMALISED = 'update people set visits = visits + $2 where id = $1';

describe('startDatabaseInsights on a server with pg_stat_statements', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(true);
    await server.sql`create table people (id int primary key, name text, visits int default 0)`;
    await server.sql`insert into people select g, 'p' || g from generate_series(1, 100) g`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports the statements per route (a shared one once per route) and the lock waits of a write', async () => {
    const app = postgres(server.url, { max: 3, onnotice: () => {} });
    const blocker = postgres(server.url, { max: 1, onnotice: () => {} });
    try {
      await app`select 1`;
      await app.unsafe(SHARED, [1], { prepare: true }); // before the run: not counted
      const insights = await startDatabaseInsights({
        url: server.url,
        embedded: true,
        runId: 'r-1',
        intervalMs: 40,
      });
      expect(insights.missing).toEqual([]);
      const me = routeTagger(ME);
      const put = routeTagger(PUT);
      for (let i = 0; i < 5; i++) await app.unsafe(me(SHARED), [i + 1], { prepare: true });
      for (let i = 0; i < 3; i++) await app.unsafe(put(SHARED), [i + 1], { prepare: true });
      // One session holds the row; the tagged update waits on it for a while.
      const held = blocker.begin(async (tx) => {
        await tx`update people set visits = visits where id = 7`;
        await new Promise((r) => setTimeout(r, 600));
      });
      await new Promise((r) => setTimeout(r, 100));
      await app.unsafe(put(UPDATE), [7], { prepare: true });
      await held;
      const doc = await insights.stop();
      expect(schemaErrors(doc)).toEqual([]);
      expect(doc.run_id).toBe('r-1');
      expect(doc.database).toMatchObject({ embedded: true, server_version: '18.4' });
      expect(doc.database.url).toContain(':***@');
      const { statements } = doc;
      expect(statements).toMatchObject({ available: true, missing: null });
      // Only the tagged statements ran on the application's side during the run.
      expect(statements.top.map((s) => [s.route, s.query, s.calls])).toEqual(
        expect.arrayContaining([
          [ME, SHARED, 5],
          [PUT, SHARED, 3],
          [PUT, UPDATE_NORMALISED, 1],
        ]),
      );
      expect(statements.top.some((s) => s.query.includes('pg_stat'))).toBe(false);
      const put_ = statements.routes.find((r) => r.route === PUT);
      expect(put_?.statements.map((s) => s.query)).toEqual([UPDATE_NORMALISED, SHARED]);
      expect(put_?.calls).toBe(4);
      expect(put_?.statements[0]?.total_ms).toBeGreaterThan(400);
      expect(statements.routes.find((r) => r.route === ME)?.statements[0]?.share_of_total).toBe(1);
      const waits = doc.waits.summary;
      expect(doc.waits).toMatchObject({ available: true, missing: null });
      expect(waits?.rounds).toBeGreaterThan(5);
      const update = waits?.statements.find((s) => s.route === PUT);
      expect(update?.query).toBe(UPDATE_NORMALISED);
      expect(update?.events[0]?.event).toBe('Lock:transactionid');
      expect(update?.waiting).toBeGreaterThanOrEqual(3);
    } finally {
      await app.end();
      await blocker.end();
    }
  });
});

describe('startDatabaseInsights without what it needs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(false);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says in one line that pg_stat_statements is not loaded and how to load it; waits still work', async () => {
    const insights = await startDatabaseInsights({
      url: server.url,
      embedded: false,
      intervalMs: 50,
    });
    expect(insights.missing).toEqual([
      'pg_stat_statements is not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server',
    ]);
    await new Promise((r) => setTimeout(r, 120));
    const doc = await insights.stop();
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.statements).toMatchObject({
      available: false,
      statements_seen: 0,
      top: [],
      routes: [],
    });
    expect(doc.waits.available).toBe(true);
    expect(doc.waits.summary?.rounds).toBeGreaterThanOrEqual(2);
  });

  it('tells a role that cannot install the extension what to run', async () => {
    await server.sql`create role plain login password 'plain'`;
    await server.sql`drop extension if exists pg_stat_statements`;
    const url = server.url.replace('postgres:postgres@', 'plain:plain@');
    const insights = await startDatabaseInsights({ url, embedded: false });
    const doc = await insights.stop();
    expect(insights.missing).toHaveLength(2);
    expect(insights.missing[0]).toMatch(
      /^pg_stat_statements is not installed in database "postgres" and role "plain" cannot install it \(.+\): run CREATE EXTENSION pg_stat_statements; as a superuser$/,
    );
    expect(insights.missing[1]).toBe(
      'role "plain" sees only its own sessions\' statements: GRANT pg_read_all_stats TO "plain" to see every role\'s',
    );
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('a database it cannot reach gives one line, and a document that says so', async () => {
    const url = server.url.replace(/:\d+\//, ':1/');
    const insights = await startDatabaseInsights({ url, embedded: false });
    expect(insights.missing).toHaveLength(1);
    expect(insights.missing[0]).toMatch(
      /^no database figures: cannot query postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/postgres \(/,
    );
    const doc = await insights.stop();
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.waits).toEqual({ available: false, missing: insights.missing[0], summary: null });
  });

  it('a port that answers HTTP: one connection, one line saying so', async () => {
    const foreign = await listenForeignServer('http');
    try {
      const url = `postgres://perf:s3cret@127.0.0.1:${foreign.port}/rota`;
      const insights = await startDatabaseInsights({ url, embedded: false });
      expect(insights.missing).toEqual([
        `no database figures: cannot query postgres://perf:***@127.0.0.1:${foreign.port}/rota (it answered HTTP ("HTTP/1.1 400 Bad Request"), not the PostgreSQL protocol)`,
      ]);
      await insights.stop();
      expect(foreign.connections()).toBe(1);
    } finally {
      await foreign.close();
    }
  });
});
