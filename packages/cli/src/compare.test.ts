// rota-perf compare, run as users run it (the built binary), on results folders written with
// the kit's own writers: verdicts, budgets and exit codes, every refusal, and the outputs.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparisonJson } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_ENDPOINTS,
  writeAdaptiveRun,
  writeDbBenchResults,
  writeLoadRun,
  writeSweepRun,
} from './test-support/compare-fixtures.js';
import { schemaErrors } from './test-support/records.js';
import { runCli } from './test-support/run-cli.js';

let dir: string;
const at = (name: string) => join(dir, name);

async function comparisonIn(folder: string): Promise<ComparisonJson> {
  const doc = JSON.parse(await readFile(join(folder, 'comparison.json'), 'utf8')) as ComparisonJson;
  expect(schemaErrors('comparison.json', doc)).toEqual([]);
  return doc;
}

function verdicts(comparison: ComparisonJson): Record<string, string> {
  return Object.fromEntries(comparison.rows.map((r) => [r.name, r.verdict]));
}

// The candidate's GET /trails/:id is 30 % slower; everything else is the same distribution.
const SLOWER = FIXTURE_ENDPOINTS.map((e) =>
  e.name === 'GET /trails/:id' ? { ...e, medianMs: e.medianMs * 1.3 } : e,
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rota-perf-compare-'));
  await writeLoadRun(at('base'), { seed: 1 });
  await writeLoadRun(at('same'), { seed: 2 });
  await writeLoadRun(at('slower'), { seed: 3, endpoints: SLOWER });
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('rota-perf compare: verdicts and exit codes', () => {
  it('two samples of one distribution: no significant change anywhere, exit 0', async () => {
    const run = await runCli(['compare', at('base'), at('same')]);
    expect(run.code, run.stderr).toBe(0);
    const comparison = await comparisonIn(at('same'));
    expect(Object.values(verdicts(comparison))).toEqual(
      FIXTURE_ENDPOINTS.map(() => 'no_significant_change'),
    );
    expect(comparison.rows.map((r) => r.samples)).toEqual(
      FIXTURE_ENDPOINTS.map(() => ({ baseline: 20, candidate: 20 })),
    );
    expect(comparison.exit_code).toBe(0);
    expect(run.stdout).toContain('3 compared: 0 slower, 0 faster; every budget held');
  });

  it('one endpoint 30 % slower: that one is slower, its p95 budget exceeded, exit 99', async () => {
    const run = await runCli(['compare', at('base'), at('slower'), '--out', at('out-slower')]);
    expect(run.code, run.stderr).toBe(99);
    const comparison = await comparisonIn(at('out-slower'));
    expect(verdicts(comparison)).toEqual({
      'GET /me': 'no_significant_change',
      'GET /trails/': 'no_significant_change',
      'GET /trails/:id': 'slower',
    });
    const row = comparison.rows.find((r) => r.name === 'GET /trails/:id');
    expect(row?.p50_ms.relative_change).toBeGreaterThan(0.2);
    expect(row?.budgets.find((b) => b.budget === 'max_p95_increase')).toMatchObject({
      limit: 0.1,
      significant: true,
      exceeded: true,
    });
    expect(comparison.exceeded).toBe(1);
    expect(run.stdout).toMatch(/GET \/trails\/:id .* slower .*exceeded: p95 \+\d/);
    // The baseline and candidate seconds are kept for the report's overlay.
    expect(row?.series?.baseline).toHaveLength(20);
  });

  it('the reverse is faster, within every budget: exit 0', async () => {
    const run = await runCli(['compare', at('slower'), at('base'), '--out', at('out-faster')]);
    expect(run.code, run.stderr).toBe(0);
    expect(verdicts(await comparisonIn(at('out-faster')))['GET /trails/:id']).toBe('faster');
  });

  it('a run that drifted: judged against its peers, only the slowed endpoint is slower', async () => {
    // Six endpoints within ×4 of each other; the whole candidate run 35 % slower (the machine),
    // GET /trails/:id 30 % slower again on top of that (the code).
    const peers = [
      ...FIXTURE_ENDPOINTS,
      { name: 'GET /trails/:id/learn', scenario: 'trail_learn', medianMs: 4, rps: 5 },
      { name: 'GET /trails/:id/sections', scenario: 'trail_sections', medianMs: 6, rps: 5 },
      { name: 'GET /trails/showcase', scenario: 'trails_showcase', medianMs: 7, rps: 5 },
    ];
    const drifted = peers.map((e) => ({
      ...e,
      medianMs: e.medianMs * 1.35 * (e.name === 'GET /trails/:id' ? 1.3 : 1),
    }));
    await writeLoadRun(at('peers-base'), { seed: 11, endpoints: peers });
    await writeLoadRun(at('peers-drifted'), { seed: 12, endpoints: drifted });
    const run = await runCli(['compare', at('peers-base'), at('peers-drifted'), '-o', at('rel')]);
    const comparison = await comparisonIn(at('rel'));
    const slower = comparison.rows.filter((r) => r.verdict === 'slower').map((r) => r.name);
    expect(slower).toEqual(['GET /trails/:id']);
    expect(comparison.run_shift.endpoint).toBeCloseTo(0.35, 1);
    const row = comparison.rows.find((r) => r.name === 'GET /trails/:id');
    expect(row?.peer_shift).toBeCloseTo(0.35, 1);
    expect(row?.p50_ms.relative_to_run).toBeCloseTo(0.3, 1);
    expect(run.stdout).toMatch(/slower \(p50 \+\d+\.\d% vs run\)/);
    expect(run.stdout).toMatch(/The whole run moved \(median p50 change\): the endpoints \+\d/);
    // Judged raw, the machine's drift makes every endpoint slower.
    const raw = await runCli([
      'compare',
      at('peers-base'),
      at('peers-drifted'),
      '-o',
      at('abs'),
      '--absolute',
    ]);
    const absolute = await comparisonIn(at('abs'));
    expect(absolute.settings.relative_to_run).toBe(false);
    expect(absolute.rows.every((r) => r.verdict === 'slower' && r.peer_shift === null)).toBe(true);
    expect(raw.code).toBe(99);
  });

  it('budgets: off with none, or raised for one endpoint in a budgets file', async () => {
    const off = await runCli([
      'compare',
      at('base'),
      at('slower'),
      '--out',
      at('out-off'),
      '--max-p95-increase',
      'none',
    ]);
    expect(off.code, off.stderr).toBe(0);
    const file = at('budgets.json');
    await writeFile(
      file,
      JSON.stringify({ endpoints: { 'GET /trails/:id': { max_p95_increase: '80%' } } }),
    );
    const raised = await runCli([
      'compare',
      at('base'),
      at('slower'),
      '--out',
      at('out-raised'),
      '--budgets',
      file,
    ]);
    expect(raised.code, raised.stderr).toBe(0);
    const comparison = await comparisonIn(at('out-raised'));
    expect(comparison.budgets.overrides).toEqual({ 'GET /trails/:id': { max_p95_increase: 0.8 } });
    // The practical floor holds a 30 % change as a change; raising it past that does not.
    const floor = await runCli([
      'compare',
      at('base'),
      at('slower'),
      '--out',
      at('out-floor'),
      '--min-change',
      '50%',
      '--max-p95-increase',
      'none',
    ]);
    expect(floor.code, floor.stderr).toBe(0);
    expect(verdicts(await comparisonIn(at('out-floor')))['GET /trails/:id']).toBe(
      'no_significant_change',
    );
  });

  it('writes the Markdown, appends it to $GITHUB_STEP_SUMMARY and writes JUnit XML', async () => {
    const summary = at('step-summary.md');
    await writeFile(summary, '# earlier step\n');
    const run = await runCli(
      [
        'compare',
        at('base'),
        at('slower'),
        '--out',
        at('out-md'),
        '--markdown',
        at('compare.md'),
        '--junit',
        at('compare.xml'),
      ],
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.code, run.stderr).toBe(99);
    const markdown = await readFile(at('compare.md'), 'utf8');
    expect(markdown).toContain('## rota-perf compare');
    expect(markdown).toMatch(/\| GET \/trails\/:id \| endpoint \|.*\| slower \|/);
    expect(await readFile(summary, 'utf8')).toBe(`# earlier step\n${markdown}\n`);
    const xml = await readFile(at('compare.xml'), 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(3 * 3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  it('db-bench cases: per-iteration latencies, a slower case is found', async () => {
    const cases = [
      { name: 'TrailsRepository.list_showcase', medianMs: 1.2 },
      { name: 'UsersRepository.GetUserByEmail', medianMs: 0.8 },
    ];
    await mkdir(at('db-a'));
    await mkdir(at('db-b'));
    await writeDbBenchResults(at('db-a'), { seed: 4, cases });
    await writeDbBenchResults(at('db-b'), {
      seed: 5,
      cases: cases.map((c, i) => (i === 0 ? { ...c, medianMs: 1.6 } : c)),
    });
    const run = await runCli(['compare', at('db-a'), join(at('db-b'), 'db_bench_results.json')]);
    expect(run.code, run.stderr).toBe(99);
    const comparison = await comparisonIn(at('db-b'));
    expect(verdicts(comparison)).toEqual({
      'TrailsRepository.list_showcase': 'slower',
      'UsersRepository.GetUserByEmail': 'no_significant_change',
    });
    expect(comparison.rows[0]?.samples).toEqual({ baseline: 200, candidate: 200 });
  });

  it('sweeps: per level, and the ceilings with the lower bound named', async () => {
    const levels = [10, 20, 30];
    await writeSweepRun(at('sweep-a'), {
      seed: 6,
      levels,
      medianMs: () => 5,
      ceiling: 30,
      lowerBound: false,
    });
    await writeSweepRun(at('sweep-b'), {
      seed: 7,
      levels,
      medianMs: (rps) => (rps === 30 ? 8 : 5),
      ceiling: 20,
      lowerBound: true,
    });
    const run = await runCli([
      'compare',
      at('sweep-a'),
      at('sweep-b'),
      '--max-p95-increase',
      'none',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const comparison = await comparisonIn(at('sweep-b'));
    expect(verdicts(comparison)).toEqual({
      probe_10: 'no_significant_change',
      probe_20: 'no_significant_change',
      probe_30: 'slower',
    });
    expect(comparison.rows.map((r) => r.kind)).toEqual(['level', 'level', 'level']);
    expect(comparison.ceilings).toEqual([
      expect.objectContaining({
        baseline: 30,
        candidate: 20,
        baseline_lower_bound: false,
        candidate_lower_bound: true,
      }),
    ]);
    expect(run.stdout).toContain("the candidate's is a lower bound (load generator saturated)");
  });
});

describe('rota-perf compare: adaptive runs, level by level', () => {
  const NO_BUDGETS = ['--max-p95-increase', 'none', '--max-rps-decrease', 'none'];

  function levelRows(comparison: ComparisonJson) {
    return Object.fromEntries(
      comparison.rows.map((r) => [r.name, { kind: r.kind, verdict: r.verdict, ...r.samples }]),
    );
  }

  it('two adaptive runs: each rate with its own, the first run of a repeated rate', async () => {
    // The baseline's confirmation of 20 RPS ran ten times slower than its first run: compared
    // with the candidate's first run (as slow as the baseline's), it would read as faster.
    await writeAdaptiveRun(at('adaptive-a'), {
      seed: 21,
      runs: [
        { phase: 'step', rate: 10, medianMs: 5 },
        { phase: 'step', rate: 20, medianMs: 5 },
        { phase: 'confirm', rate: 20, medianMs: 50 },
        { phase: 'interrupted', rate: 40, medianMs: 5 },
      ],
    });
    await writeAdaptiveRun(at('adaptive-b'), {
      seed: 22,
      runs: [
        { phase: 'step', rate: 10, medianMs: 8 },
        { phase: 'step', rate: 20, medianMs: 5 },
        { phase: 'confirm', rate: 20, medianMs: 5 },
      ],
    });
    const run = await runCli(['compare', at('adaptive-a'), at('adaptive-b'), ...NO_BUDGETS]);
    expect(run.code, run.stderr).toBe(0);
    const comparison = await comparisonIn(at('adaptive-b'));
    // Every level's five seconds, though each level run after the first starts mid-second;
    // the interrupted level run is no level.
    expect(levelRows(comparison)).toEqual({
      probe_10: { kind: 'level', verdict: 'slower', baseline: 5, candidate: 5 },
      probe_20: { kind: 'level', verdict: 'no_significant_change', baseline: 5, candidate: 5 },
    });
    expect(comparison.notes).toEqual([
      'probe_20: the baseline ran this level 2 times (step 20 RPS, confirm 20 RPS); its first run is compared',
      'probe_20: the candidate ran this level 2 times (step 20 RPS, confirm 20 RPS); its first run is compared',
    ]);
    expect(run.stdout).toContain('2 compared: 1 slower, 0 faster');
  });

  it('a step sweep and an adaptive run: the levels of the same rate', async () => {
    await writeSweepRun(at('steps'), {
      seed: 23,
      levels: [10, 20, 30],
      medianMs: () => 5,
      ceiling: 30,
      lowerBound: true,
    });
    await writeAdaptiveRun(at('adaptive-c'), {
      seed: 24,
      runs: [
        { phase: 'step', rate: 10, medianMs: 5 },
        { phase: 'step', rate: 20, medianMs: 5 },
        { phase: 'step', rate: 40, medianMs: 5 },
        { phase: 'bisect', rate: 30, medianMs: 9 },
        { phase: 'confirm', rate: 30, medianMs: 9 },
      ],
    });
    const run = await runCli(['compare', at('steps'), at('adaptive-c'), ...NO_BUDGETS]);
    expect(run.code, run.stderr).toBe(0);
    const comparison = await comparisonIn(at('adaptive-c'));
    expect(levelRows(comparison)).toEqual({
      probe_10: { kind: 'level', verdict: 'no_significant_change', baseline: 5, candidate: 5 },
      probe_20: { kind: 'level', verdict: 'no_significant_change', baseline: 5, candidate: 5 },
      probe_30: { kind: 'level', verdict: 'slower', baseline: 5, candidate: 5 },
    });
    expect(comparison.notes).toContain('probe_40: only in the candidate, not compared');
    // And the other way round: the adaptive run as the baseline.
    const reverse = await runCli(['compare', at('adaptive-c'), at('steps'), '-o', at('rev')]);
    expect(reverse.code, reverse.stderr).toBe(0);
    expect(Object.keys(levelRows(await comparisonIn(at('rev'))))).toEqual([
      'probe_10',
      'probe_20',
      'probe_30',
    ]);
  });
});

describe('rota-perf compare: refusals (one line naming the file, exit 2)', () => {
  async function refused(args: string[], pattern: RegExp): Promise<void> {
    const run = await runCli(['compare', ...args]);
    expect(run.code, run.stdout).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }

  it('a missing folder, or one without run.json', async () => {
    await refused([at('nowhere'), at('base')], /nowhere: no such results folder or file/);
    await mkdir(at('empty'));
    await refused(
      [at('base'), at('empty')],
      /empty\/run\.json: missing: not a rota-perf results folder/,
    );
  });

  it('a corrupt run.json, and one of a version it cannot read', async () => {
    await writeLoadRun(at('corrupt'), { seed: 8 });
    await writeFile(join(at('corrupt'), 'run.json'), '{"version": 1, "run_id": ');
    await refused([at('base'), at('corrupt')], /corrupt\/run\.json: is not valid JSON/);
    await writeLoadRun(at('future'), { seed: 9 });
    const record = JSON.parse(await readFile(join(at('future'), 'run.json'), 'utf8'));
    await writeFile(join(at('future'), 'run.json'), JSON.stringify({ ...record, version: 2 }));
    await refused(
      [at('base'), at('future')],
      /future\/run\.json: run record version 2, this rota-perf reads 1/,
    );
  });

  it('a missing or corrupt series', async () => {
    await writeLoadRun(at('no-series'), { seed: 10 });
    await rm(join(at('no-series'), 'performance_series.json'));
    await refused(
      [at('base'), at('no-series')],
      /no-series\/performance_series\.json: missing \(named in .*run\.json\)/,
    );
    await writeLoadRun(at('bad-series'), { seed: 11 });
    const series = join(at('bad-series'), 'performance_series.json');
    await writeFile(series, '[]');
    await refused(
      [at('base'), at('bad-series')],
      /bad-series\/performance_series\.json: is not a series \(expected a JSON object\)/,
    );
    await writeFile(series, '{"version": 7, "requests": []}');
    await refused(
      [at('base'), at('bad-series')],
      /bad-series\/performance_series\.json: series version 7, this rota-perf reads 1/,
    );
  });

  it('a corrupt, missing or malformed results file the record names', async () => {
    await writeLoadRun(at('bad-results'), { seed: 14 });
    const folder = at('bad-results');
    const record = JSON.parse(await readFile(join(folder, 'run.json'), 'utf8'));
    await writeFile(
      join(folder, 'run.json'),
      JSON.stringify({
        ...record,
        files: { ...record.files, results: 'results.json', others: ['database_insights.json'] },
      }),
    );
    await writeFile(join(folder, 'database_insights.json'), '{"statements": []}');
    await writeFile(join(folder, 'results.json'), '{bad');
    await refused([at('base'), folder], /bad-results\/results\.json: is not valid JSON/);
    await refused([folder, at('base')], /bad-results\/results\.json: is not valid JSON/);
    await writeFile(join(folder, 'results.json'), '[1, 2]');
    await refused(
      [at('base'), folder],
      /bad-results\/results\.json: is not a results file \(expected a JSON object\)/,
    );
    await writeFile(join(folder, 'results.json'), '{"passed": true}');
    await writeFile(join(folder, 'database_insights.json'), '{"statements": [');
    await refused([at('base'), folder], /bad-results\/database_insights\.json: is not valid JSON/);
    await rm(join(folder, 'database_insights.json'));
    await refused(
      [at('base'), folder],
      /bad-results\/database_insights\.json: missing \(named in .*run\.json\)/,
    );
  });

  it('different scripts', async () => {
    await writeLoadRun(at('other-script'), { seed: 12, script: 'progress_probe' });
    await refused(
      [at('base'), at('other-script')],
      /other-script\/run\.json: is a run of progress_probe, the baseline .* of performance/,
    );
  });

  it('different targets, unless --allow-different-target', async () => {
    const target = { url: 'http://staging.internal:8080', embedded: false };
    await writeLoadRun(at('other-target'), { seed: 13, target });
    await refused(
      [at('base'), at('other-target')],
      /other-target\/run\.json: ran against http:\/\/staging\.internal:8080, the baseline against the embedded/,
    );
    const allowed = await runCli([
      'compare',
      at('base'),
      at('other-target'),
      '--allow-different-target',
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((await comparisonIn(at('other-target'))).notes[0]).toMatch(/^different targets/);
  });

  it('bad usage: a missing folder argument, a malformed budget or budgets file', async () => {
    await refused([at('base')], /missing <candidate>/);
    await refused(
      [at('base'), at('same'), '--max-p95-increase', 'ten'],
      /--max-p95-increase must be a non-negative number with % .* got "ten"/,
    );
    await writeFile(
      at('bad-budgets.json'),
      '{"max_p95_increase": "10%", "endpoints": {"GET /me": {"p95": "5%"}}}',
    );
    await refused(
      [at('base'), at('same'), '--budgets', at('bad-budgets.json')],
      /bad-budgets\.json: unknown budget "p95" in endpoints\["GET \/me"\]/,
    );
  });
});
