// compare on two real `probe --adaptive` runs against the embedded reference API: every level
// is compared with the other run's level of the same rate, over all of its seconds (the level
// runs after the first start mid-second on the search's joined clock). Tiny rates and 3-second
// levels keep it short (about 40 s); the verdicts are not asserted, only what was compared.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComparisonJson } from '@rota-perf/core';
import { expect, it } from 'vitest';
import { readRunRecord } from './test-support/records.js';
import { runCli } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

const scratch = useScratchDir('rota-perf-compare-adaptive-');
const LEVEL_SECONDS = 3;

async function adaptiveRun(out: string): Promise<void> {
  const run = await runCli([
    'probe',
    '--adaptive',
    '--min',
    '2',
    '--max',
    '4',
    '--precision',
    '2',
    '--step-duration',
    `${LEVEL_SECONDS}s`,
    '--tolerance',
    '0.5',
    '--quiet',
    '--out',
    out,
  ]);
  expect(run.code, run.stderr).toBe(0);
}

it('compare of two adaptive probes compares their levels rate by rate', async () => {
  const [a, b] = [join(scratch.dir, 'a'), join(scratch.dir, 'b')];
  await adaptiveRun(a);
  await adaptiveRun(b);
  const run = await runCli(['compare', a, b, '--max-p95-increase', 'none']);
  expect([0, 99], run.stderr).toContain(run.code);
  const comparison = JSON.parse(
    await readFile(join(b, 'comparison.json'), 'utf8'),
  ) as ComparisonJson;
  const rates = async (folder: string) =>
    new Set((await readRunRecord(folder)).phases.map((p) => `probe_${p.target_rps}`));
  const [ra, rb] = [await rates(a), await rates(b)];
  const common = [...ra].filter((r) => rb.has(r)).sort();
  // Both searches start at 2 RPS; each has a level for every rate it ran.
  expect(common).toContain('probe_2');
  expect(comparison.rows.map((r) => r.name).sort()).toEqual(common);
  for (const row of comparison.rows) {
    expect(row.kind).toBe('level');
    expect(row.samples).toEqual({ baseline: LEVEL_SECONDS, candidate: LEVEL_SECONDS });
  }
  expect(run.stdout).not.toContain('no endpoint, level or db-bench case in common');
  expect(run.stdout).toMatch(new RegExp(`${common.length} compared: `));
});
