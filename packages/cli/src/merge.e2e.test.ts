// End to end: bench --instances 2 against the embedded target (short settings) writes one results
// folder that matches a single-instance run of the same settings, with the instances' shares in
// run.json and the report; its instance folders merge again as k6 pods' files would; bad inputs
// are refused with one line.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_PHASES } from '../../../tools/scripts/short-runs.mjs';
import { readJsonFile, readRunRecord, readSeries } from './test-support/records.js';
import { type CliRun, runCli } from './test-support/run-cli.js';

// The plateau holds 3 s at a low rate: every iteration starts even on a loaded machine.
const SETTINGS = [
  ...SHORT_PHASES,
  '-e',
  'TEST_DURATION=3s',
  '-e',
  'TARGET_RPS=4',
  '--quiet',
  '--monitor-interval',
  '1',
];
// 0, or 99 when a latency threshold was crossed on this shared machine.
const RUN_CODES = [0, 99];

let dir: string;
let single: { run: CliRun; record: RunRecord; total: number };
let split: { run: CliRun; record: RunRecord; total: number };

async function bench(name: string, extra: string[]) {
  const out = join(dir, name);
  const run = await runCli(['bench', ...SETTINGS, ...extra, '--out', out], {});
  const record = await readRunRecord(out).catch(() => ({}) as RunRecord);
  const results = await readJsonFile<{ total_requests: number }>(out, 'results.json').catch(() => ({
    total_requests: -1,
  }));
  return { run, record, total: results.total_requests };
}

/** Requests of the test's scenarios, and of setup() (no scenario), from the folder's series. */
async function requestsOf(name: string, record: RunRecord) {
  const series = await readSeries(join(dir, name), record);
  const sum = (setup: boolean) =>
    series.requests
      .filter((r) => (r.scenario === '') === setup)
      .reduce((n, r) => n + r.requests, 0);
  return { test: sum(false), setup: sum(true) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rota-perf-merge-'));
  // One after the other: each starts its own embedded PostgreSQL.
  single = await bench('single', []);
  split = await bench('split', ['--instances', '2']);
}, 400_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('bench --instances 2', () => {
  it('writes one results folder whose request count matches one instance within 2 %', async () => {
    expect(RUN_CODES, single.run.stderr).toContain(single.run.code);
    expect(RUN_CODES, split.run.stderr).toContain(split.run.code);
    const [one, two] = await Promise.all([
      requestsOf('single', single.record),
      requestsOf('split', split.record),
    ]);
    expect(one.test).toBeGreaterThan(0);
    // The test's scenarios: the segments together send what one instance sends.
    expect(Math.abs(two.test - one.test) / one.test).toBeLessThanOrEqual(0.02);
    // setup() runs in every instance, as in k6's: its requests once per instance.
    expect(two.setup).toBe(2 * one.setup);
    // The record, the series and the results file agree on the merged count.
    expect(two.test + two.setup).toBe(split.total);
    expect(Object.values(split.record.status_codes).reduce((a, b) => a + b, 0)).toBe(split.total);
  });

  it("lists each instance's segment and share in run.json and in the report", async () => {
    const instances = split.record.instances;
    expect(instances.map((i) => [i.id, i.segment])).toEqual([
      ['instance-1', '0:1/2'],
      ['instance-2', '1/2:1'],
    ]);
    expect(instances.reduce((n, i) => n + i.requests, 0)).toBe(split.total);
    for (const i of instances) expect(i.share).toBeGreaterThan(0.3);
    expect(single.record.instances).toEqual([]);
    const html = await readFile(join(dir, 'split', 'report.html'), 'utf8');
    expect(html).toContain('Instances');
    expect(html).toContain('instance-1');
    expect(html).toContain('1/2:1');
  });

  it("merges its instance folders again as k6 pods' files, to the same count", async () => {
    const out = join(dir, 'merged');
    const baseUrl = split.record.variables.BASE_URL as string;
    const run = await runCli([
      'merge',
      '--script',
      'performance',
      ...SETTINGS.slice(0, 10),
      '-e',
      `BASE_URL=${baseUrl}`,
      '--out',
      out,
      join(dir, 'split', 'instance-1'),
      join(dir, 'split', 'instance-2'),
    ]);
    expect(RUN_CODES, run.stderr).toContain(run.code);
    expect(run.stderr).toContain('segments not checked');
    const record = await readRunRecord(out);
    expect(record.command).toBe('merge');
    expect(record.instances.map((i) => i.requests)).toEqual(
      split.record.instances.map((i) => i.requests),
    );
    const results = await readJsonFile<{ total_requests: number }>(out, 'results.json');
    expect(results.total_requests).toBe(split.total);
  });
});

describe('merge refuses', () => {
  it('a corrupt NDJSON file, a missing folder and a folder of nothing, in one line each', async () => {
    const bad = join(dir, 'bad.ndjson');
    await writeFile(
      bad,
      '{"type":"Metric","data":{"name":"http_reqs","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"http_reqs"}\n{"metric":"http_reqs","ty\n',
    );
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const runs = await Promise.all([
      runCli(
        ['merge', '--script', 'performance', '-e', 'BASE_URL=http://127.0.0.1:1', bad],
        {},
        dir,
      ),
      runCli(['merge', join(dir, 'nowhere')], {}, dir),
      runCli(['merge', empty, '--out', join(dir, 'x')], {}, dir),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs.map((r) => r.stderr.trim().split('\n').length)).toEqual([1, 1, 1]);
    expect(runs[0]?.stderr).toContain('bad.ndjson: 1 line(s) are not JSON');
    expect(runs[1]?.stderr).toContain('nowhere: no such folder or file');
    expect(runs[2]?.stderr).toContain('neither a run.json nor any *.ndjson file');
  });
});
