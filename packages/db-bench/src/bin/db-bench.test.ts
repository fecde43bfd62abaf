import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseExplainJson } from '@rota-perf/core';
import { loadResultSchema } from '@rota-perf/core/node';
import { readReportInputs, resultOf } from '@rota-perf/report-formatter/html';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROTA_CASES } from '../rota/cases.js';
import {
  expectedRowsPerCall,
  type SeparateDatabase,
  startSeparateDatabase,
} from '../test-support/database.js';
import { runBin } from '../test-support/run-bin.js';
import { snapshotTables } from '../test-support/snapshot.js';

const EMAIL = 'bench-test@example.com';
const ITERATIONS = 3;
// The only rows a run may leave: the synthetic user and its enrolment (context preparation).
const SYNTHETIC_ROWS = {
  users: `email = '${EMAIL}'`,
  user_trails: `user_id in (select user_id from users where email = '${EMAIL}')`,
};
// The original's eight keys, in order, then the additions.
const CASE_KEYS = [
  'name',
  'iterations',
  'total_time',
  'mean_ms',
  'ops_per_second',
  'ops_per_minute',
  'rows_per_second',
  'rows_processed',
  'min_ms',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'max_ms',
  'stddev_ms',
  'concurrency',
  'samples_ms',
];

interface CaseJson {
  name: string;
  iterations: number;
  rows_processed: number;
  concurrency: number;
  [key: string]: unknown;
}
interface ResultsJson {
  cases: CaseJson[];
  skipped: unknown[];
  aggregate: Record<string, number>;
  calibration: CaseJson[];
  context: { trail_id: number; section_id: number; item_id: number; user_id: number };
  environment: Record<string, unknown>;
}

let db: SeparateDatabase;
let dir: string;
beforeAll(async () => {
  db = await startSeparateDatabase();
  dir = await mkdtemp(join(tmpdir(), 'db-bench-test-'));
});
afterAll(async () => {
  await db?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runJson(name: string, args: string[], env: Record<string, string> = {}) {
  const path = join(dir, `${name}.json`);
  const result = await runBin([...args, '--json', path], env);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain(`Raw results written to ${path}`);
  expect(result.stderr).toBe(''); // no progress bar or status lines off a TTY
  const doc = JSON.parse(await readFile(path, 'utf8')) as ResultsJson;
  // The file follows the core's schema of db_bench_results.json, which the report reads.
  const validate = new Ajv2020({ allErrors: true }).compile(
    loadResultSchema('db_bench_results.json'),
  );
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  return { result, doc };
}

async function expectRowsMatch(doc: ResultsJson) {
  const perCall = await expectedRowsPerCall(db.client, doc.context);
  for (const c of doc.cases) {
    expect(c.rows_processed, c.name).toBe(c.iterations * (perCall[c.name] as number));
  }
}

describe('db-bench against a PostgreSQL started separately (DATABASE_URL)', () => {
  const args = ['--iterations', `${ITERATIONS}`, '--warmup', '1', '--user-email', EMAIL];

  it('runs the 21 cases with writes, reports rows matching the data and loses nothing', async () => {
    const before = await snapshotTables(db.client, SYNTHETIC_ROWS);
    const { doc, result } = await runJson('external', [...args, '--include-writes'], {
      DATABASE_URL: db.url,
    });
    expect(await snapshotTables(db.client, SYNTHETIC_ROWS)).toEqual(before);

    expect(doc.cases.map((c) => c.name)).toEqual(ROTA_CASES.map((c) => c.name));
    expect(doc.skipped).toEqual([]);
    for (const c of doc.cases) {
      expect(Object.keys(c)).toEqual(CASE_KEYS);
      expect(c.iterations).toBe(ITERATIONS);
      for (const key of CASE_KEYS.slice(2, -1)) expect(Number.isFinite(c[key]), key).toBe(true);
      expect(c.samples_ms).toHaveLength(ITERATIONS);
    }
    await expectRowsMatch(doc);
    expect(doc.aggregate.executed_iterations).toBe(ROTA_CASES.length * ITERATIONS);
    expect(doc.calibration.map((c) => c.name)).toEqual([
      'calibration.empty_function',
      'calibration.trivial_query',
    ]);
    const [server] = await db.client<
      { v: string }[]
    >`select current_setting('server_version') as v`;
    expect(doc.environment).toMatchObject({
      postgres_version: server?.v,
      node_version: process.version,
      driver: { name: 'postgres', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      drizzle_orm_version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: 'external', url: expect.stringContaining('***@127.0.0.1') },
      fixture: null,
      options: { iterations: ITERATIONS, warmup: 1, include_writes: true, concurrency: 1 },
    });
    expect(Date.parse(doc.environment.started_at as string)).not.toBeNaN();
    expect(result.stdout).toContain('Overall:');
    expect(result.stdout).toContain('Calibration:');
  });

  it('a second run with writes leaves every table exactly as it was, setup rows included', async () => {
    const before = await snapshotTables(db.client);
    const [user] = await db.client<{ n: number }[]>`
      select count(*)::int as n from users where email = ${EMAIL}`;
    expect(user?.n).toBe(1); // reused, not created again
    await runJson('external-again', [...args, '--include-writes'], { DATABASE_URL: db.url });
    expect(await snapshotTables(db.client)).toEqual(before);
  });

  it('runs parallel clients per case, writes included, and still loses nothing', async () => {
    const before = await snapshotTables(db.client, SYNTHETIC_ROWS);
    const { doc } = await runJson(
      'concurrent',
      [
        ...args,
        '--include-writes',
        '--concurrency',
        '4',
        '--filter',
        'list_all,upsert,get_progress_for',
      ],
      { DATABASE_URL: db.url },
    );
    expect(await snapshotTables(db.client, SYNTHETIC_ROWS)).toEqual(before);
    expect(doc.cases.map((c) => c.name)).toEqual([
      'TrailsRepository.list_all',
      'UserTrailsRepository.get_progress_for_user',
      'UserProgressRepository.upsert_item_progress',
    ]);
    for (const c of doc.cases) expect(c.concurrency).toBe(4);
    // Calibration stays serial: an empty call timed among parallel clients means nothing.
    for (const c of doc.calibration) expect(c.concurrency).toBe(1);
    await expectRowsMatch(doc);
  });

  it('--explain explains the statements each case ran, rolled back, and samples its waits', async () => {
    const before = await snapshotTables(db.client, SYNTHETIC_ROWS);
    const { doc, result } = await runJson(
      'explain',
      [...args, '--explain', '--concurrency', '4', '--filter', 'get_trail,upsert'],
      // Generic plans, as a session that forces them (rota-api's) runs them.
      { DATABASE_URL: `${db.url}?plan_cache_mode=force_generic_plan` },
    );
    expect(await snapshotTables(db.client, SYNTHETIC_ROWS)).toEqual(before);
    expect(doc.environment).toMatchObject({ options: { explain: true, include_writes: true } });
    const explainOf = (name: string) =>
      doc.cases.find((c) => c.name.endsWith(name))?.explain as CaseExplainJson;
    const trail = explainOf('get_trail');
    expect(trail).toMatchObject({ plan_mode: 'generic', error: null });
    expect(trail.statements).toHaveLength(1);
    expect(trail.statements[0]?.parameters).toContain(String(doc.context.trail_id));
    const upsert = explainOf('upsert_item_progress');
    expect(upsert.error).toBeNull();
    // The upsert, the item's trail, the progress map read and the sync's write, in that order.
    expect(
      upsert.statements.map((s) => /^\s*(\S+)/.exec(s.sql.replace(/--.*\n/g, ''))?.[1]),
    ).toEqual(['with', 'select', 'with', 'with']);
    expect(upsert.statements[0]?.sql).toContain('insert into user_item_progress');
    expect(upsert.statements[3]?.sql).toContain('update user_trails');
    for (const s of upsert.statements) {
      expect(s.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(s.execution_ms).toBeGreaterThan(0);
    }
    expect(upsert.waits?.interval_ms).toBe(10);
    expect(upsert.waits?.rounds).toBeGreaterThan(0);
    expect(result.stdout).toContain(
      "Explain (EXPLAIN ANALYZE of each case's statements, generic plans",
    );
    expect(result.stdout).toMatch(
      /^ {2}UserProgressRepository\.upsert_item_progress: 4 statements, planning [\d.]+ ms \+ execution [\d.]+ ms; /m,
    );
  });

  it('the table checksums notice one changed row (so the comparisons above can fail)', async () => {
    const before = await snapshotTables(db.client);
    let changed: Awaited<ReturnType<typeof snapshotTables>> | undefined;
    const rollback = new Error('rollback');
    await db.client
      .begin(async (tx) => {
        await tx`update trails set name = name || '!' where id = (select min(id) from trails)`;
        changed = await snapshotTables(tx as unknown as typeof db.client);
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
    expect(changed?.trails?.rows).toBe(before.trails?.rows);
    expect(changed?.trails?.md5).not.toBe(before.trails?.md5);
    expect(await snapshotTables(db.client)).toEqual(before);
  });
});

describe('db-bench with no database given', () => {
  it('starts an embedded PostgreSQL with the small fixture and runs every read case', async () => {
    const { doc, result } = await runJson('embedded', [
      '--iterations',
      `${ITERATIONS}`,
      '--warmup',
      '1',
      '--fixture',
      'small',
    ]);
    const reads = ROTA_CASES.filter((c) => !c.writes).map((c) => c.name);
    expect(doc.cases.map((c) => c.name)).toEqual(reads);
    expect(doc.environment).toMatchObject({ database: { kind: 'embedded' }, fixture: 'small' });
    // The fixture is deterministic: the separately seeded database holds the same content.
    await expectRowsMatch(doc);
    expect(result.stdout).toMatch(/^Query\s+Ops\/s/m);
    // The HTML report reads the file as written (its object layout, not the original's array).
    const folder = await mkdtemp(join(dir, 'report-'));
    await copyFile(join(dir, 'embedded.json'), join(folder, 'db_bench_results.json'));
    const inputs = await readReportInputs(folder);
    const read = resultOf(inputs, 'db-bench')?.doc;
    expect(read?.cases.map((c) => c.name)).toEqual(reads);
    expect(read?.cases.map((c) => c.rows_processed)).toEqual(
      doc.cases.map((c) => c.rows_processed),
    );
    expect(read?.aggregate).toEqual(doc.aggregate);
  });
});
