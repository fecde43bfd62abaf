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

const USAGE = 'usage: rota-db-demo [--preset small|large]  (DATABASE_URL set: use that database)';

/**
 * Starts an embedded PostgreSQL (or uses DATABASE_URL), migrates, seeds a fixture, prints row
 * counts and a few repository results, and stops. Returns the exit code.
 */
export async function runDemo(args: string[], env = process.env): Promise<number> {
  let preset: FixturePreset = 'small';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    }
    const value =
      arg === '--preset' ? args[++i] : arg?.startsWith('--preset=') ? arg.slice(9) : undefined;
    if (value === undefined || !(value in FIXTURE_PRESETS)) {
      console.error(
        arg === '--preset' || arg?.startsWith('--preset=')
          ? `rota-db demo: invalid --preset "${value ?? ''}": expected small or large`
          : `rota-db demo: unknown argument "${arg}"\n${USAGE}`,
      );
      return 2;
    }
    preset = value as FixturePreset;
  }
  if (env.DATABASE_URL) parseDatabaseUrl(env.DATABASE_URL);
  const embedded: EmbeddedDatabase | undefined = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase();
  const url = embedded?.url ?? (env.DATABASE_URL as string);
  try {
    console.log(embedded ? `Embedded PostgreSQL on port ${embedded.port}` : 'Using DATABASE_URL');
    await migrate(url);
    const { db, close } = await connect(url);
    try {
      const started = Date.now();
      const summary = await seedFixture(db, preset);
      console.log(
        `Fixture "${preset}" ${summary.skipped ? 'already present' : 'seeded'} in ${Date.now() - started} ms`,
      );
      console.log('\nRow counts:');
      for (const table of TABLES) {
        const [row] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        );
        console.log(`  ${table.padEnd(24)} ${String(row?.n ?? 0).padStart(8)}`);
      }
      const repos = createRepositories(db);
      const showcase = await repos.trails.listShowcase();
      console.log('\nShowcase (newest first):');
      for (const t of showcase) console.log(`  ${t.createdDate ?? '(no date)'}  ${t.name}`);
      const { rows, total } = await repos.trails.listAll({ limit: 3 });
      console.log(`\nTrails by name (3 of ${total}): ${rows.map((t) => t.name).join(' | ')}`);
      const first = rows[0];
      if (first) {
        const sections = await repos.trails.listSectionsWithItems(first.id);
        const items = sections.reduce((n, s) => n + s.items.length, 0);
        console.log(`First trail: ${sections.length} sections, ${items} sectioned items`);
      }
    } finally {
      await close();
    }
  } finally {
    await embedded?.stop();
  }
  return 0;
}
