// `pnpm --filter @rota-perf/db-bench bench:statistics [--iterations n]`: the progress cases and
// the upsert on the large fixture, on one database, without planner statistics (as right after
// loading it, before autovacuum's first ANALYZE: how db-bench's own database was until
// seedFixture analyzed) and with them, alternating, --explain on, so the plans show why.
import { runCommandLine } from '@rota-perf/core/node';
import {
  connect,
  migrate,
  STATEMENT_STATISTICS_SETTINGS,
  seedFixture,
  startEmbeddedDatabase,
} from '@rota-perf/rota-db';
import { dbBenchCommand } from '../cli/run.js';

const at = process.argv.indexOf('--iterations');
const iterations = at > 0 ? (process.argv[at + 1] ?? '200') : '200';
const rounds = 2;
const out = (line = '') => process.stdout.write(`${line}\n`);
const TABLES = [
  'trails',
  'trail_sections',
  'trail_items',
  'users',
  'user_trails',
  'user_item_progress',
];

const pg = await startEmbeddedDatabase({ settings: STATEMENT_STATISTICS_SETTINGS });
let code = 0;
try {
  await migrate(pg.url);
  const admin = await connect(pg.url, { max: 1 });
  await seedFixture(admin.db, 'large');
  // Back to "never analyzed": no column statistics, no row count (the planner then guesses
  // from the table's size and default selectivities, as it does before the first ANALYZE).
  const forget = async () => {
    await admin.client`delete from pg_statistic where starelid = any(${TABLES}::regclass[])`;
    await admin.client`update pg_class set reltuples = -1 where oid = any(${TABLES}::regclass[])`;
  };
  const io = {
    out: (line: string) => out(line),
    err: (line: string) => process.stderr.write(`${line}\n`),
    env: { DATABASE_URL: pg.url },
    cwd: process.cwd(),
    tty: false,
  };
  const args = ['--explain', '--filter', 'progress,upsert', '--iterations', iterations];
  out(`# db-bench without and with planner statistics (${new Date().toISOString()})`);
  for (let round = 0; round < rounds; round++) {
    for (const analyzed of round % 2 === 0 ? [false, true] : [true, false]) {
      if (analyzed) await admin.client`analyze`;
      else await forget();
      out();
      out(`## round ${round + 1}, ${analyzed ? 'after ANALYZE' : 'without statistics'}`);
      out();
      out('```');
      code ||= await runCommandLine(dbBenchCommand, args, io, new AbortController().signal);
      out('```');
    }
  }
  await admin.close();
} finally {
  await pg.stop();
}
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
