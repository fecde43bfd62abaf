import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LOOKUP_CODES, seedLookups } from '../seed/lookups.js';
import { useTestDatabase } from '../test-support/database.js';
import { connect } from './connect.js';
import { findFreePort } from './embedded.js';
import { RotaDbError } from './errors.js';
import { migrate } from './migrate.js';

const t = useTestDatabase();

const EXPECTED_TABLES = [
  'form_answers',
  'form_question',
  'form_question_options',
  'form_submissions',
  'forms',
  'lk_color',
  'lk_enrollment_status',
  'lk_item_type',
  'lk_progress_status',
  'lk_question_type',
  'lk_role',
  'lk_sex',
  'trail_certificates',
  'trail_included_items',
  'trail_items',
  'trail_requirements',
  'trail_sections',
  'trail_target_audience',
  'trails',
  'user_item_progress',
  'user_trails',
  'users',
];

describe('migrations', () => {
  it('create every table of the contract in schema public', async () => {
    const rows = await t.client<{ table_name: string }[]>`
      select table_name from information_schema.tables
      where table_schema = 'public' order by table_name`;
    expect(rows.map((r) => r.table_name)).toEqual([...EXPECTED_TABLES].sort());
  });

  it('a second migrate is a no-op', async () => {
    const before = await t.client`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await migrate(t.url);
    const after = await t.client`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(after[0]?.n).toBe(before[0]?.n);
    expect(before[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('create the four enum types with their labels', async () => {
    const rows = await t.client<{ typname: string; labels: string[] }[]>`
      select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
      from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by t.typname`;
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual({
      item_type: ['VIDEO', 'DOC', 'FORM'],
      question_type: ['ESSAY', 'TRUE_OR_FALSE', 'SINGLE_CHOICE'],
      roles_enum: ['Admin', 'User', 'Manager'],
      sex_type: ['M', 'F', 'O', 'N'],
    });
  });

  it('wire trail_items.id to videos_id_seq and keep the partial unique indexes', async () => {
    const [column] = await t.client<{ column_default: string }[]>`
      select column_default from information_schema.columns
      where table_name = 'trail_items' and column_name = 'id'`;
    expect(column?.column_default).toContain('videos_id_seq');
    const indexes = await t.client<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes where tablename = 'trail_items'`;
    const byName = new Map(indexes.map((i) => [i.indexname, i.indexdef]));
    expect(byName.get('trail_items_section_order_unique')).toMatch(
      /UNIQUE.*WHERE \(section_id IS NOT NULL\)/,
    );
    expect(byName.get('trail_items_trail_order_legacy_unique')).toMatch(
      /UNIQUE.*WHERE \(section_id IS NULL\)/,
    );
  });

  it('enforce the same-trail trigger on item sections', async () => {
    const [lkDoc] = await t.client`select id from lk_item_type where code = 'DOC'`;
    const [a] =
      await t.client`insert into trails (thumbnail_url, name) values ('t', 'A') returning id`;
    const [b] =
      await t.client`insert into trails (thumbnail_url, name) values ('t', 'B') returning id`;
    const [s] = await t.client`
      insert into trail_sections (trail_id, title) values (${a?.id}, 'S') returning id`;
    const insertItem = (trailId: unknown, sectionId: unknown, url: string) => t.client`
      insert into trail_items (url, trail_id, section_id, type, item_type_id)
      values (${url}, ${trailId as number}, ${sectionId as number}, 'DOC', ${lkDoc?.id})`;
    await expect(insertItem(b?.id, s?.id, 'u1')).rejects.toMatchObject({ code: '23514' });
    await expect(insertItem(a?.id, 999_999, 'u2')).rejects.toMatchObject({ code: '23503' });
    await insertItem(a?.id, s?.id, 'u3');
    // Duplicate (section_id, order_index) violates the partial unique index.
    await expect(insertItem(a?.id, s?.id, 'u4')).rejects.toMatchObject({ code: '23505' });
    await t.client`delete from trails where id in (${a?.id}, ${b?.id})`;
  });
});

describe('seedLookups', () => {
  it('inserts every code in seed order and is idempotent', async () => {
    await seedLookups(t.db);
    await seedLookups(t.db);
    for (const [table, codes] of Object.entries(LOOKUP_CODES)) {
      const rows = await t.db.execute<{ code: string }>(
        sql`select code from ${sql.identifier(table)} order by id`,
      );
      expect(rows.map((r) => r.code)).toEqual([...codes]);
    }
  });
});

describe('connect errors', () => {
  it('rejects a malformed URL with a line naming it', async () => {
    await expect(connect('not a url')).rejects.toThrow(/Invalid DATABASE_URL "not a url"/);
    await expect(connect('mysql://u:p@localhost/db')).rejects.toThrow(
      /scheme "mysql:" is not postgres/,
    );
  });

  it('names the server when nothing listens there', async () => {
    const port = await findFreePort();
    const error = await connect(`postgres://postgres:x@127.0.0.1:${port}/postgres`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RotaDbError);
    expect((error as Error).message).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`,
    );
  });

  it('names the user when the password is wrong, without echoing the password', async () => {
    const wrong = t.url.replace(':postgres@', ':definitely-wrong@');
    const error = (await connect(wrong).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(RotaDbError);
    expect(error.message).toMatch(/rejected the credentials of user "postgres"/);
    expect(error.message).not.toContain('definitely-wrong');
  });

  it('names a missing database', async () => {
    const missing = t.url.replace(/\/postgres$/, '/no_such_db');
    await expect(connect(missing)).rejects.toThrow(/has no database "no_such_db"/);
  });
});
