// The real-k6 path end to end: the built rota-perf runs a stand-in k6 (K6_BINARY) that
// replays the recording of the real k6 (test-data/k6-golden/06-out-json.*) into its
// `--out json` file while it "runs". The orchestrator follows that file into the series and
// writes run.json; both must say what the recording's summary says. No target is needed.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { scheduleOf, targetRateAt } from '@rota-perf/core';
import { planScript } from '@rota-perf/k6-scenarios';
import { describe, expect, it } from 'vitest';
import {
  FAKE_K6,
  readJsonFile,
  readRunRecord,
  readSeries,
  seriesMetricTotals,
} from './test-support/records.js';
import { runCli, startCli, waitForOutput } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

const SHORT = ['-e', 'WARMUP_DURATION=1s', '-e', 'TEST_DURATION=4s', '-e', 'COOLDOWN_DURATION=1s'];
const NOWHERE = ['--base-url', 'http://127.0.0.1:9'];

const scratch = useScratchDir('rota-perf-k6-path-');

describe('rota-perf bench with the real k6 (a stand-in replaying its recording)', () => {
  it('folds k6’s NDJSON into the series and writes run.json: totals as k6’s summary', async () => {
    const out = join(scratch.dir, 'k6');
    const run = await runCli(['bench', ...NOWHERE, '--out', out, '-q', ...SHORT], {
      K6_BINARY: FAKE_K6,
      FAKE_K6_SCENARIO: 'trails_list',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`engine: k6 (${FAKE_K6})`);
    const record = await readRunRecord(out);
    expect(record.engine).toEqual({ kind: 'k6', version: '0.49.0' });
    expect(record.files).toMatchObject({
      results: 'results.json',
      series: 'performance_series.json',
      ndjson: 'performance_k6.ndjson',
      report: 'report.html',
    });
    await stat(join(out, 'performance_k6.ndjson'));
    // 06-out-json.out: http_reqs 18, http_req_failed 9 (the 503s), iterations 9, checks 9.
    const series = await readSeries(out, record);
    expect(series.engine).toBe('k6');
    expect(seriesMetricTotals(series)).toMatchObject({
      http_reqs: 18,
      http_req_failed: 9,
      iterations: 9,
      dropped_iterations: 0,
      checks_passed: 9,
      checks_failed: 0,
    });
    expect(record.status_codes).toEqual({ '200': 9, '503': 9 });
    expect(record.checks).toEqual([{ name: 'status is 200', passes: 9, fails: 0 }]);
    expect(record.thresholds).toContainEqual({
      metric: 'http_req_failed',
      expression: 'rate<0.01',
      passed: false,
    });
    // The results file is this run's, and agrees with the series.
    const results = await readJsonFile<{ run_id: string; total_requests: number }>(
      out,
      'results.json',
    );
    expect(results.run_id).toBe(record.run_id);
    expect(results.total_requests).toBe(seriesMetricTotals(series).http_reqs);
    // target_rate comes from the script's own plan (warm-up 0 -> 5/s over 1 s, then 5/s).
    const plan = scheduleOf(
      planScript('performance', {
        WARMUP_DURATION: '1s',
        TEST_DURATION: '4s',
        COOLDOWN_DURATION: '1s',
      }).scenarios,
    );
    const trailsList = plan.find((s) => s.name === 'trails_list');
    if (!trailsList) throw new Error('performance has a trails_list scenario');
    for (const row of series.scenarios) {
      expect(row.target_rate, `t=${row.t}`).toBe(targetRateAt(trailsList, row.t + 0.5));
    }
    // trails_list starts 11 ms in (the scenarios are spread over one 200 ms period): at 0.5 s
    // its ramp is at 5/s × 0.489.
    expect(series.scenarios.map((r) => r.target_rate)).toEqual([expect.closeTo(2.445, 6), 5]);
    // The phases sit on the record's clock, after the test start.
    const plateau = record.phases.find((p) => p.name === 'plateau');
    const testStart = (Date.parse(series.started_at) - Date.parse(record.started_at)) / 1000;
    expect(plateau?.start_seconds).toBeCloseTo(testStart + 1, 2);
    expect(plateau?.target_rps).toBe(record.rate.target_rps);
    expect(record.variables).toMatchObject({
      TEST_DURATION: '4s',
      AUTH_PASSWORD: '***',
      RUN_ID: record.run_id,
    });
    expect(record.verdict).toBe('passed');
  });

  it('a handleSummary that throws (k6 exits 0, no results file) is not a success: 107', async () => {
    const out = join(scratch.dir, 'k6-no-results');
    const run = await runCli(['bench', ...NOWHERE, '--out', out, '-q', ...SHORT], {
      K6_BINARY: FAKE_K6,
      FAKE_K6_SUMMARY_THROWS: 'Error: boom',
    });
    expect(run.code, run.stderr).toBe(107);
    expect(run.stderr).toContain(
      `rota-perf bench: the performance script wrote no ${join(out, 'results.json')} (its handleSummary failed; see its log above): exit code 107`,
    );
    const record = await readRunRecord(out);
    expect(record).toMatchObject({ exit_code: 107, verdict: 'failed', interrupted: false });
    expect(record.files.results).toBeNull();
    expect(record.notes).toContain('the script wrote no results.json');
  });

  it('Ctrl-C: k6 stops, the record says interrupted, the series holds what k6 wrote', async () => {
    const out = join(scratch.dir, 'k6-interrupted');
    const run = startCli(
      ['bench', ...NOWHERE, '--out', out, '--progress-interval', '1', ...SHORT],
      {
        K6_BINARY: FAKE_K6,
        FAKE_K6_REPEAT: '30',
      },
    );
    await waitForOutput(run, /achieved [1-9]/, 20_000);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(105);
    const record = await readRunRecord(out);
    expect(record).toMatchObject({ interrupted: true, verdict: 'interrupted', exit_code: 105 });
    const series = await readSeries(out, record);
    const results = await readJsonFile<{ total_requests: number }>(out, 'results.json');
    expect(seriesMetricTotals(series).http_reqs).toBe(results.total_requests);
    expect(results.total_requests).toBeGreaterThan(0);
    expect(results.total_requests).toBeLessThan(30 * 18);
  });
});
