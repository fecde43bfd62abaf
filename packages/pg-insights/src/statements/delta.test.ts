import { describe, expect, it } from 'vitest';
import { tagStatement } from '../route-tag.js';
import { diffSnapshots, summariseStatements } from './delta.js';
import type { StatementCounters, StatementSnapshot } from './snapshot.js';

const counters = (key: string, query: string, calls: number, totalMs: number) =>
  ({
    key,
    queryId: key,
    query,
    calls,
    totalMs,
    rows: calls,
    sharedHit: calls * 3,
    sharedRead: 0,
  }) satisfies StatementCounters;
const snapshot = (...list: StatementCounters[]): StatementSnapshot =>
  new Map(list.map((c) => [c.key, c]));

const USER = 'select * from users where user_id = $1';
const ME = tagStatement(USER, 'GET /me');
const PROGRESS = tagStatement(USER, 'GET /user-trails/:trailId/progress');

describe('diffSnapshots', () => {
  it('subtracts the counters of statements that ran, and keeps only those', () => {
    const before = snapshot(counters('a', ME, 10, 5), counters('idle', 'select 1', 4, 1));
    const after = snapshot(
      counters('a', ME, 30, 15),
      counters('idle', 'select 1', 4, 1),
      counters('new', PROGRESS, 5, 4),
    );
    expect(diffSnapshots(before, after)).toEqual([
      { queryId: 'a', query: ME, calls: 20, totalMs: 10, rows: 20, sharedHit: 60, sharedRead: 0 },
      {
        queryId: 'new',
        query: PROGRESS,
        calls: 5,
        totalMs: 4,
        rows: 5,
        sharedHit: 15,
        sharedRead: 0,
      },
    ]);
  });

  it('takes a statement whose calls went down (evicted, reset) as new', () => {
    const deltas = diffSnapshots(
      snapshot(counters('a', ME, 50, 9)),
      snapshot(counters('a', ME, 3, 2)),
    );
    expect(deltas.map((d) => [d.calls, d.totalMs])).toEqual([[3, 2]]);
  });
});

describe('summariseStatements', () => {
  const deltas = diffSnapshots(
    snapshot(),
    snapshot(
      counters('me', ME, 20, 6),
      counters('progress', PROGRESS, 10, 2),
      counters('map', tagStatement('select map', 'GET /user-trails/:trailId/progress'), 10, 6),
      counters('untagged', 'select 1', 100, 2),
    ),
  );

  it('ranks statements by total time, with their share of all statement time', () => {
    const summary = summariseStatements(deltas, 3);
    expect(summary.statements_seen).toBe(4);
    expect(summary.total_ms).toBe(16);
    expect(summary.top.map((s) => [s.query_id, s.route, s.share_of_total])).toEqual([
      ['me', 'GET /me', 0.375],
      ['map', 'GET /user-trails/:trailId/progress', 0.375],
      ['progress', 'GET /user-trails/:trailId/progress', 0.125],
    ]);
    expect(summary.top[0]?.query).toBe(USER);
    expect(summary.top[0]?.mean_ms).toBe(0.3);
  });

  it('lists a statement two routes share once per route, with its share of the route’s time', () => {
    const { routes } = summariseStatements(deltas);
    expect(routes.map((r) => [r.route, r.calls, r.total_ms])).toEqual([
      ['GET /user-trails/:trailId/progress', 20, 8],
      ['GET /me', 20, 6],
    ]);
    expect(routes[0]?.statements.map((s) => [s.query, s.share_of_total])).toEqual([
      ['select map', 0.75],
      [USER, 0.25],
    ]);
    expect(routes[1]?.statements.map((s) => [s.query, s.share_of_total])).toEqual([[USER, 1]]);
  });
});
