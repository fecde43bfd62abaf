// Every statement the API sends says which route sent it, and pg_stat_statements keeps one
// entry per route even for a statement two routes share.
import {
  diffSnapshots,
  openInsightsClient,
  routeOfStatement,
  takeStatementSnapshot,
  untagStatement,
} from '@rota-perf/pg-insights';
import { describe, expect, it } from 'vitest';
import { registerUser } from './test-support/client.js';
import { startHarness, useHarness } from './test-support/harness.js';

const USERS = /from "users"|from users/i;

const h = useHarness();
describe('route tags on statements', () => {
  it('GET /me and GET /user-trails/:id/progress each have their own entry for the user lookup', async () => {
    const insights = openInsightsClient(h.db.url);
    try {
      await insights`create extension if not exists pg_stat_statements`;
      const before = await takeStatementSnapshot(insights);
      const user = await registerUser(h.url);
      const get = (path: string) => fetch(`${h.url}${path}`, { headers: { cookie: user.cookie } });
      for (let i = 0; i < 3; i++) expect((await get('/me')).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        expect((await get(`/user-trails/${h.content.alpha}/progress`)).status).toBe(200);
      }
      const ran = diffSnapshots(before, await takeStatementSnapshot(insights));
      const byRoute = (route: string) => ran.filter((s) => routeOfStatement(s.query) === route);
      const me = byRoute('GET /me');
      expect(me.map((s) => [untagStatement(s.query), s.calls])).toEqual([
        [expect.stringMatching(USERS), 3],
      ]);
      const lookup = untagStatement(me[0]?.query ?? '');
      // The same lookup under the progress route: another entry, with that route's calls.
      const progress = byRoute('GET /user-trails/:trailId/progress');
      const shared = progress.filter((s) => untagStatement(s.query) === lookup);
      expect(shared.map((s) => s.calls)).toEqual([2]);
      expect(shared[0]?.queryId).not.toBe(me[0]?.queryId);
      expect(byRoute('POST /auth/register').length).toBeGreaterThan(0);
      // Everything the requests sent carries its route, but transaction control.
      const untagged = ran.filter(
        (s) => routeOfStatement(s.query) === null && !/^(begin|commit|rollback)/i.test(s.query),
      );
      expect(untagged.map((s) => s.query)).toEqual([]);
    } finally {
      await insights.end();
    }
  });

  it('ROTA_API_TAG_STATEMENTS=false turns the tags off', async () => {
    const plain = await startHarness({ ROTA_API_TAG_STATEMENTS: 'false' });
    const insights = openInsightsClient(plain.db.url);
    try {
      await insights`create extension if not exists pg_stat_statements`;
      const user = await registerUser(plain.url);
      expect((await fetch(`${plain.url}/me`, { headers: { cookie: user.cookie } })).status).toBe(
        200,
      );
      const statements = [...(await takeStatementSnapshot(insights)).values()];
      expect(statements.filter((s) => routeOfStatement(s.query) !== null)).toEqual([]);
    } finally {
      await insights.end();
      await plain.stop();
    }
  });
});
