import { type CommandDef, choice } from '@rota-perf/core';
import { sql } from 'drizzle-orm';
import { connect, parseDatabaseUrl } from './db/connect.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { FIXTURE_PRESETS, type FixturePreset } from './fixture/options.js';
import { seedFixture } from './fixture/seed.js';
import { createRepositories } from './repositories/index.js';

const TABLES = [
  'lk_sex',
  'lk_color',
  'lk_role',
  'lk_item_type',
  'lk_question_type',
  'lk_enrollment_status',
  'lk_progress_status',
  'users',
  'trails',
  'trail_sections',
  'trail_items',
  'trail_included_items',
  'trail_requirements',
  'trail_target_audience',
  'forms',
  'form_question',
  'form_question_options',
  'user_trails',
  'user_item_progress',
  'trail_certificates',
  'form_submissions',
  'form_answers',
];

/** `pnpm --filter @rota-perf/rota-db demo [--preset small|large]`: this package at work. */
export const demoCommand: CommandDef = {
  name: 'rota-db-demo',
  summary: 'start a database, seed a fixture, print row counts and a few repository results',
  description: `Starts an embedded PostgreSQL (or uses DATABASE_URL), migrates, seeds a fixture, prints row
counts and a few repository results, and stops.`,
  options: {
    preset: { type: 'string', value: 'small|large', default: 'small', description: 'the fixture' },
  },
  async run(args, io) {
    const preset = choice(args, 'preset', Object.keys(FIXTURE_PRESETS) as FixturePreset[]);
    return runDemo(preset, io.env, io.out);
  },
};

/** The demo itself; `log` receives each line. Returns the exit code. */
export async function runDemo(
  preset: FixturePreset,
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void,
): Promise<number> {
  if (env.DATABASE_URL) parseDatabaseUrl(env.DATABASE_URL);
  const embedded: EmbeddedDatabase | undefined = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase();
  const url = embedded?.url ?? (env.DATABASE_URL as string);
  try {
    log(embedded ? `Embedded PostgreSQL on port ${embedded.port}` : 'Using DATABASE_URL');
    await migrate(url);
    const { db, close } = await connect(url);
    try {
      const started = Date.now();
      const summary = await seedFixture(db, preset);
      log(
        `Fixture "${preset}" ${summary.skipped ? 'already present' : 'seeded'} in ${Date.now() - started} ms`,
      );
      log('\nRow counts:');
      for (const table of TABLES) {
        const [row] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        );
        log(`  ${table.padEnd(24)} ${String(row?.n ?? 0).padStart(8)}`);
      }
      const repos = createRepositories(db);
      const showcase = await repos.trails.listShowcase();
      log('\nShowcase (newest first):');
      for (const t of showcase) log(`  ${t.createdDate ?? '(no date)'}  ${t.name}`);
      const { rows, total } = await repos.trails.listAll({ limit: 3 });
      log(`\nTrails by name (3 of ${total}): ${rows.map((t) => t.name).join(' | ')}`);
      const first = rows[0];
      if (first) {
        const sections = await repos.trails.listSectionsWithItems(first.id);
        const items = sections.reduce((n, s) => n + s.items.length, 0);
        log(`First trail: ${sections.length} sections, ${items} sectioned items`);
      }
    } finally {
      await close();
    }
  } finally {
    await embedded?.stop();
  }
  return 0;
}
