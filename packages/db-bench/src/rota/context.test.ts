import { connect, migrate } from '@rota-perf/rota-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../harness/run-benchmark.js';
import { type SeparateDatabase, startSeparateDatabase } from '../test-support/database.js';
import { defineRotaCases, ROTA_CASES } from './cases.js';
import { ContextError, prepareContext } from './context.js';

let db: SeparateDatabase;
beforeAll(async () => {
  db = await startSeparateDatabase();
});
afterAll(async () => {
  await db?.dispose();
});

describe('prepareContext', () => {
  const user = { email: 'ctx-user@example.com', password: 'Secret@123' };

  it('creates the user with a bcrypt hash, enrols it and picks the original rows', async () => {
    const ctx = await prepareContext(db, user);
    const [row] = await db.client<{ username: string; password_hash: string; enrolled: number }[]>`
      select username, password_hash,
        (select count(*)::int from user_trails where user_id = u.user_id and trail_id = ${ctx.trail_id})
          as enrolled
      from users u where email = ${user.email}`;
    expect(row?.username).toBe('ctx-user');
    expect(row?.password_hash).toMatch(/^\$2[aby]\$12\$/);
    expect(row?.enrolled).toBe(1);
    const [first] = await db.client<{ section: string; item: string }[]>`
      select (select id from trail_sections where trail_id = ${ctx.trail_id}
              order by order_index, id limit 1) as section,
             (select id from trail_items where trail_id = ${ctx.trail_id}
              order by order_index, id limit 1) as item`;
    expect(ctx.section_id).toBe(Number(first?.section));
    expect(ctx.item_id).toBe(Number(first?.item));
  });

  it('reuses an existing user without touching its password', async () => {
    const first = await prepareContext(db, user);
    const again = await prepareContext(db, { ...user, password: 'Other@456' });
    expect(again.user_id).toBe(first.user_id);
    const [count] = await db.client<{ n: number }[]>`
      select count(*)::int as n from users where email = ${user.email}`;
    expect(count?.n).toBe(1);
  });

  it('refuses an e-mail whose username belongs to another user, naming both', async () => {
    const clash = { email: 'ctx-user@elsewhere.example', password: 'x' };
    const error = await prepareContext(db, clash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContextError);
    expect((error as Error).message).toBe(
      "username 'ctx-user' (from --user-email ctx-user@elsewhere.example) already belongs to ctx-user@example.com; choose another e-mail",
    );
  });
});

describe('a database without content', () => {
  it('reports every case that needs a trail as skipped, with the missing fields', async () => {
    await db.client`create database empty_bench`;
    const url = db.url.replace(/\/postgres$/, '/empty_bench');
    await migrate(url);
    const empty = await connect(url, { max: 2 });
    try {
      const ctx = await prepareContext(empty, { email: 'e@example.com', password: 'x' });
      expect(ctx.trail_id).toBeNull();
      const report = await runBenchmark(defineRotaCases(empty, ctx), {
        iterations: 1,
        includeWrites: true,
        context: { ...ctx },
      });
      const needsContent = ROTA_CASES.filter((c) =>
        c.requires.some((f) => ['trail_id', 'section_id', 'item_id'].includes(f)),
      );
      expect(report.skipped.map((s) => s.name)).toEqual(needsContent.map((c) => c.name));
      expect(report.skipped).toContainEqual({
        name: 'TrailsRepository.list_section_items',
        missing: ['trail_id', 'section_id'],
      });
      expect(report.skipped).toContainEqual({
        name: 'UserProgressRepository.upsert_item_progress',
        missing: ['item_id'],
      });
      // Cases without content needs still run: the two listings and the five user lookups.
      expect(report.results.map((r) => r.name)).toEqual(
        ROTA_CASES.filter((c) => !needsContent.includes(c)).map((c) => c.name),
      );
      expect(
        report.results.find((r) => r.name === 'TrailsRepository.list_all')?.rows_processed,
      ).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
