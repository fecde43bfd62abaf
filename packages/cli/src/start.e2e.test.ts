// The main job end to end with short phases: endpoint benchmark, db-bench and one report of
// both, against a separately started rota-api and its database (BASE_URL, DATABASE_URL).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMemoryCsv } from '@rota-perf/core';
import { expect, it } from 'vitest';
import { readRunRecord } from './test-support/records.js';
import { useRotaApi } from './test-support/rota-api.js';
import { runCli } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

const api = useRotaApi();
const scratch = useScratchDir('rota-perf-start-');

it('start writes results JSON, memory CSV, db-bench JSON and a report of them all', async () => {
  const out = join(scratch.dir, 'job');
  const phases = [
    'WARMUP_DURATION=1s',
    'TEST_DURATION=2s',
    'COOLDOWN_DURATION=1s',
    'RAMP_DOWN_DURATION=1s',
  ];
  const args = [
    'start',
    '--out',
    out,
    '-q',
    '--monitor-pid',
    String(api.pid),
    ...phases.flatMap((p) => ['-e', p]),
  ];
  const run = await runCli(args, { BASE_URL: api.url, DATABASE_URL: api.databaseUrl });
  expect(run.code, run.stderr).toBe(0);
  for (const step of ['[1/3] endpoint benchmark', '[2/3] db-bench', '[3/3] HTML report']) {
    expect(run.stdout).toContain(step);
  }
  const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  expect(results.total_requests).toBeGreaterThan(0);
  const db = JSON.parse(await readFile(join(out, 'db_bench_results.json'), 'utf8'));
  expect(db.environment.database.kind).toBe('external');
  expect(db.cases.length).toBeGreaterThan(0);
  const samples = parseMemoryCsv(await readFile(join(out, 'performance_memory.csv'), 'utf8'));
  expect(samples.length).toBeGreaterThan(0);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  // The report holds both the endpoint figures and every db-bench case.
  expect(html).toContain('GET /trails/showcase');
  for (const c of db.cases as { name: string }[]) expect(html).toContain(c.name);
  const listing = run.stdout.slice(run.stdout.lastIndexOf('Outputs:'));
  for (const name of [
    'results.json',
    'performance_memory.csv',
    'db_bench_results.json',
    'run.json',
    'report.html',
  ]) {
    expect(listing).toContain(join(out, name));
  }
  // run.json names the whole job: the benchmark's facts, db-bench among the other files.
  const record = await readRunRecord(out);
  expect(record).toMatchObject({
    command: 'start',
    script: 'performance',
    exit_code: 0,
    files: {
      results: 'results.json',
      memory_csv: 'performance_memory.csv',
      report: 'report.html',
      others: ['db_bench_results.json'],
    },
  });
  expect(['passed', 'thresholds-crossed']).toContain(record.verdict);
  expect(results.run_id).toBe(record.run_id);
  expect(Date.parse(record.ended_at)).toBeGreaterThan(Date.parse(record.started_at));
});
