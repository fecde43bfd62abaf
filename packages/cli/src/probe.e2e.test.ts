// probe --adaptive end to end: each level is a real rps probe run through node-runner against
// the embedded reference API; tiny rates and 2-second levels keep it short.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { adaptiveProbeArgs, FIRST_LEVEL_JUDGED } from '../../../tools/scripts/short-runs.mjs';
import {
  readJsonFile,
  readRunRecord,
  readSeries,
  schemaErrors,
  seriesMetricTotals,
} from './test-support/records.js';
import { runCli, startCli, waitForOutput } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

const scratch = useScratchDir('rota-perf-probe-');

interface AdaptiveJson {
  ceiling: number | null;
  confirmed: boolean | null;
  highest_passing_target: number | null;
  scenarios: {
    target_rps: number;
    requests: number | null;
    passed: boolean;
    generator_cpu_percent: number | null;
  }[];
  runs: { phase: string; rate: number; passed: boolean | null }[];
}

it('probe --adaptive runs levels within [min, max], concludes, and writes its results', async () => {
  const out = join(scratch.dir, 'adaptive');
  const args = ['probe', '--adaptive', '--min', '2', '--max', '4', '--precision', '2'];
  const run = await runCli([...args, '--step-duration', '2s', '--tolerance', '0.2', '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const doc = JSON.parse(
    await readFile(join(out, 'adaptive_probe_results.json'), 'utf8'),
  ) as AdaptiveJson;
  expect(doc.runs.length).toBeGreaterThanOrEqual(2);
  for (const r of doc.runs) {
    expect(r.rate).toBeGreaterThanOrEqual(2);
    expect(r.rate).toBeLessThanOrEqual(4);
  }
  expect(doc.scenarios).toHaveLength(doc.runs.length);
  for (const level of doc.scenarios) expect(level.requests).toBeGreaterThan(0);
  // The conclusion agrees with the levels it is drawn from.
  const passes = doc.runs.filter((r) => r.passed).map((r) => r.rate);
  if (doc.ceiling !== null) expect(passes).toContain(doc.ceiling);
  // Each level's line carries its VUs (busy/needed/max) and the generator's own figures.
  expect(run.stdout).toMatch(
    /\[\d+s\] step 2 RPS: achieved [\d.]+ RPS, p95 [\d.]+ ms, VUs \d+\/\d+\/\d+ busy\/needed\/max, generator CPU \d+%, start lag p95 [\d.]+ ms, loop lag p95 [\d.]+ ms, (PASS|FAIL)/,
  );
  for (const level of doc.scenarios) expect(level.generator_cpu_percent).not.toBeNull();
  expect(run.stdout).toContain(join(out, 'adaptive_probe_results.json'));
  await stat(join(out, 'rps_probe_adaptive_memory.csv'));
  await stat(join(out, 'report.html'));
  // One line per level, and the search's summary once: the level runs print none of theirs.
  expect(run.stdout.match(/Failure tolerance:/g)).toHaveLength(1);
  // run.json: the search as one run, each level a phase at its rate.
  const record = await readRunRecord(out);
  expect(record).toMatchObject({ command: 'probe', script: 'rps_probe', verdict: 'passed' });
  expect(record.files).toMatchObject({
    results: 'adaptive_probe_results.json',
    memory_csv: 'rps_probe_adaptive_memory.csv',
    report: 'report.html',
  });
  expect(record.phases.map((p) => p.target_rps)).toEqual(doc.runs.map((r) => r.rate));
  expect((doc as AdaptiveJson & { run_id: string }).run_id).toBe(record.run_id);
  if (record.files.series !== null) {
    const series = await readSeries(out, record);
    const requests = doc.scenarios.reduce((n, l) => n + (l.requests ?? 0), 0);
    // The levels' own requests; setup requests of each level run come on top.
    expect(seriesMetricTotals(series).http_reqs).toBeGreaterThanOrEqual(requests);
  }
});

it('probe --adaptive interrupted mid-level: partial results, the cut level marked interrupted', async () => {
  const out = join(scratch.dir, 'adaptive-interrupted');
  const run = startCli(adaptiveProbeArgs(out));
  // The first level has been judged; two seconds into the second one, Ctrl-C.
  await waitForOutput(run, FIRST_LEVEL_JUDGED, 150_000);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  run.child.kill('SIGINT');
  const result = await run.done;
  expect(result.code, result.stderr).toBe(105);
  expect(result.stdout).toContain(
    '[interrupted] 4 RPS: stopped before the level ended, not judged',
  );
  expect(result.stdout).not.toMatch(/step 4 RPS: .*FAIL/);
  const doc = await readJsonFile<AdaptiveJson & { notes: string[] }>(
    out,
    'adaptive_probe_results.json',
  );
  expect(schemaErrors('adaptive_probe_results.json', doc)).toEqual([]);
  expect(doc.ceiling).toBeNull();
  expect(doc.runs).toEqual([
    { phase: 'step', rate: 2, passed: doc.scenarios[0]?.passed },
    { phase: 'interrupted', rate: 4, passed: null },
  ]);
  // Only the finished level is judged; the cut one is not a failed level.
  expect(doc.scenarios.map((l) => l.target_rps)).toEqual([2]);
  expect(doc.notes[0]).toMatch(/^interrupted during the 4 RPS level after 1 finished level/);
  const record = await readRunRecord(out);
  expect(record.interrupted).toBe(true);
  expect(record.files.results).not.toBeNull();
  await stat(join(out, 'report.html'));
});
