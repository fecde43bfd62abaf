// --baseline on a real run: `rota-perf db-bench` on its embedded PostgreSQL, then compared with
// a baseline whose case took 1 µs (the real one is slower: exit 99) or 10 s (faster: exit 0).
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparisonJson } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDbBenchResults } from './test-support/compare-fixtures.js';
import { runCli } from './test-support/run-cli.js';

const CASE = 'UsersRepository.GetUserByEmail';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rota-perf-baseline-'));
  for (const [name, medianMs] of [
    ['tiny', 0.001],
    ['huge', 10_000],
  ] as const) {
    await mkdir(join(dir, name));
    await writeDbBenchResults(join(dir, name), { seed: 1, cases: [{ name: CASE, medianMs }] });
  }
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function dbBenchAgainst(baseline: string, json: string) {
  return runCli([
    'db-bench',
    '--fixture',
    'small',
    '--filter',
    CASE,
    '--iterations',
    '30',
    '--warmup',
    '2',
    '--json',
    json,
    '--baseline',
    join(dir, baseline),
  ]);
}

describe('rota-perf db-bench --baseline', () => {
  it('runs, compares the case with the baseline and exits as compare', async () => {
    const slower = await dbBenchAgainst('tiny', join(dir, 'run-1', 'db.json'));
    expect(slower.code, slower.stderr).toBe(99);
    expect(slower.stdout).toContain(`compare: against the baseline ${join(dir, 'tiny')}`);
    const comparison = JSON.parse(
      await readFile(join(dir, 'run-1', 'comparison.json'), 'utf8'),
    ) as ComparisonJson;
    expect(comparison.rows.map((r) => [r.name, r.kind, r.verdict, r.samples])).toEqual([
      [CASE, 'db_bench_case', 'slower', { baseline: 200, candidate: 30 }],
    ]);

    const faster = await dbBenchAgainst('huge', join(dir, 'run-2', 'db.json'));
    expect(faster.code, faster.stderr).toBe(0);
    expect(faster.stdout).toMatch(new RegExp(`${CASE.replace('.', '\\.')} .* faster`));
  });

  it('bench and start check the baseline and budgets before they run anything', async () => {
    const missing = await runCli(['bench', '--baseline', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      `rota-perf bench: ${join(dir, 'nowhere')}: no such results folder or file`,
    );
    const budget = await runCli([
      'start',
      '--baseline',
      join(dir, 'tiny'),
      '--max-rps-decrease',
      '5',
    ]);
    expect(budget.code).toBe(2);
    expect(budget.stderr.trim()).toBe(
      'rota-perf start: --max-rps-decrease must be a non-negative number with % (e.g. 5%) or none, got "5"',
    );
    expect(budget.stdout).not.toContain('[1/');
  });

  it('refuses --baseline without --json (exit 2, one line)', async () => {
    const run = await runCli(['db-bench', '--baseline', join(dir, 'tiny')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'rota-perf db-bench: --baseline needs --json <path>: the results to compare',
    );
  });
});
