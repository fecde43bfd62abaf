import { formatNumber, formatPercent } from '@rota-perf/core';
import { runCommandLine } from '@rota-perf/core/node';
import {
  connect,
  createRepositories,
  migrate,
  seedFixture,
  startEmbeddedDatabase,
} from '@rota-perf/rota-db';
import { dbBenchCommand } from '../cli/run.js';
import { measureOverhead } from './overhead.js';

// `pnpm --filter @rota-perf/db-bench bench [--quick] [--overhead-only]`: the harness overhead against a bare
// loop through the same driver, then the 21 cases on the large fixture, serial and with 8
// clients. Uses DATABASE_URL when set, else an embedded PostgreSQL seeded with `large`.
const quick = process.argv.includes('--quick');
const fixture = quick ? 'small' : 'large';
const out = (line = '') => process.stdout.write(`${line}\n`);

const pg = process.env.DATABASE_URL ? null : await startEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? (pg?.url as string);
let code = 0;
try {
  if (pg) {
    await migrate(url);
    const seeding = await connect(url, { max: 2 });
    await seedFixture(seeding.db, fixture);
    await seeding.close();
  }
  out(`# db-bench benchmarks (${new Date().toISOString()}, fixture ${pg ? fixture : 'external'})`);
  out();
  const connection = await connect(url, { max: 2 });
  try {
    const repos = createRepositories(connection.db);
    const trailId = (await repos.trails.anyTrailId()) ?? 0;
    // Many short alternating rounds: load from other processes drifts, and short paired
    // rounds let both sides see the same drift.
    const calls = quick ? 100 : 200;
    const rounds = quick ? 5 : 41;
    out('## Harness overhead (median of alternating rounds)');
    out();
    out(
      '| query | calls x rounds | bare loop (ms) | runBenchmark (ms) | wall overhead | measured-time overhead | extra per call |',
    );
    out('|---|---|---|---|---|---|---|');
    const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (const [label, query, n] of [
      ['no I/O: setImmediate (pure harness cost)', immediate, calls * 10],
      ['SELECT 1 (postgres.js)', () => connection.client`select 1`, calls],
      ['TrailsRepository.get_trail (Drizzle)', () => repos.trails.getTrail(trailId), calls],
    ] as const) {
      const f = await measureOverhead(label, query, n, rounds);
      out(
        `| ${f.label} | ${f.calls} x ${f.rounds} | ${formatNumber(f.bareMs)} | ${formatNumber(f.harnessMs)} | ${formatPercent(f.overhead)} | ${formatPercent(f.measuredOverhead)} | ${formatNumber(f.perCallUs)} µs |`,
      );
    }
  } finally {
    await connection.close();
  }
  const iterations = quick ? '5' : '50';
  for (const concurrency of process.argv.includes('--overhead-only') ? [] : ['1', '8']) {
    out();
    out(
      `## The 21 cases, --iterations ${iterations} --warmup 5 --include-writes --concurrency ${concurrency}`,
    );
    out();
    out('```');
    const args = ['--iterations', iterations, '--include-writes', '--concurrency', concurrency];
    const io = {
      out: (line: string) => out(line),
      err: (line: string) => process.stderr.write(`${line}\n`),
      env: { DATABASE_URL: url },
      cwd: process.cwd(),
      tty: false,
    };
    code ||= await runCommandLine(dbBenchCommand, args, io, new AbortController().signal);
    out('```');
  }
} finally {
  await pg?.stop();
}
// Explicit exit after flushing, as bin/db-bench.ts does.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
