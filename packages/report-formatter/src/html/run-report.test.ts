// The report of a folder the orchestrator wrote: run.json, a series, a memory CSV, this run's
// results.json, and files another run left behind.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RUN_ID,
  SETUP_SECONDS,
  TIME_CHART_IDS,
  writeRunFolder,
} from '../test-support/run-fixture.js';
import { SWEEP_LEVELS, writeSweepRunFolder } from '../test-support/sweep-run-fixture.js';
import { buildChartSpecs, type ChartSpec } from './charts.js';
import { readReportInputs } from './inputs.js';
import { renderHtmlReport } from './render.js';
import { foreignReason } from './run-inputs.js';

let folder: string;
let interrupted: string;
let sweep: string;
const scratch: string[] = [];

beforeAll(async () => {
  folder = await writeRunFolder();
  interrupted = await writeRunFolder({ interruptedAfter: 70 });
  sweep = await writeSweepRunFolder();
});
afterAll(async () => {
  for (const dir of [folder, interrupted, sweep, ...scratch]) {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

const render = async (dir: string) =>
  renderHtmlReport(await readReportInputs(dir), { chartJs: '', generatedAt: 'now' });

// The spec of a chart; a missing one fails the test here rather than as undefined later.
function specOf(specs: ChartSpec[], id: string): ChartSpec {
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`no chart ${id} among ${specs.map((s) => s.id).join(', ')}`);
  return spec;
}

type Dataset = { label: string; data: { x: number; y: number | null }[]; hidden?: boolean };
const datasetsOf = (config: Record<string, unknown>) =>
  (config.data as { datasets: Dataset[] }).datasets;

describe('foreignReason', () => {
  const record = { run_id: 'A', started_at: '2026-12-01T06:00:00.000Z' } as RunRecord;
  const start = Date.parse(record.started_at);
  it('tells files of another run by run_id, else by being older than the run', () => {
    expect(foreignReason(null, 'B', 0)).toBeNull();
    expect(foreignReason(record, 'A', 0)).toBeNull();
    expect(foreignReason(record, 'B', start + 1000)).toBe('written by run B, not A');
    expect(foreignReason(record, null, start + 1000)).toBeNull();
    // Within the 2 s a coarse file-system clock may round off, a file counts as this run's.
    expect(foreignReason(record, undefined, start - 1500)).toBeNull();
    expect(foreignReason(record, undefined, start - 3000)).toBe(
      'no run id; last written 2026-12-01T05:59:57.000Z, before this run started (2026-12-01T06:00:00.000Z)',
    );
  });
});

describe('readReportInputs with run.json', () => {
  it("keeps this run's files and lists the others as another run's", async () => {
    const inputs = await readReportInputs(folder);
    expect(inputs.run?.run_id).toBe(RUN_ID);
    expect(inputs.results.map((r) => r.spec.file)).toEqual(['results.json']);
    expect(inputs.memory.map((m) => m.file)).toEqual(['performance_memory.csv']);
    expect(inputs.series?.file).toBe('performance_series.json');
    expect(inputs.foreign.map((f) => f.file)).toEqual([
      'rps_results.json',
      'db_bench_results.json',
    ]);
    expect(inputs.foreign[0]?.reason).toBe(
      `written by run 2026-11-30T22-10-00Z-aa01, not ${RUN_ID}`,
    );
    expect(inputs.foreign[1]?.reason).toMatch(
      /^no run id; last written .*, before this run started/,
    );
  });

  it('names a malformed run.json or series file in one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rota-report-badrun-'));
    scratch.push(dir);
    await writeFile(join(dir, 'run.json'), JSON.stringify({ version: 2 }));
    await expect(readReportInputs(dir)).rejects.toThrow(
      `${join(dir, 'run.json')}: run record version 2, expected 1`,
    );
    await writeFile(join(dir, 'run.json'), JSON.stringify({ version: 1, run_id: 'x' }));
    await expect(readReportInputs(dir)).rejects.toThrow(
      /run\.json: not a run record \(missing started_at, verdict, variables, host, rate, thresholds, checks, status_codes, phases\)$/,
    );
    await writeFile(join(dir, 'run.json'), '{');
    await expect(readReportInputs(dir)).rejects.toThrow(/run\.json: not valid JSON/);
    await rm(join(dir, 'run.json'));
    await writeFile(join(dir, 'x_series.json'), JSON.stringify({ version: 1, requests: [] }));
    await expect(readReportInputs(dir)).rejects.toThrow(
      `${join(dir, 'x_series.json')}: not a series file (no scenarios, seconds array)`,
    );
  });
});

describe('renderHtmlReport with run.json and a series', () => {
  it('heads the page with the verdict and the run facts', async () => {
    const html = await render(folder);
    expect(html).toMatch(
      /<div class="verdict verdict-thresholds-crossed" id="verdict" data-verdict="thresholds-crossed">Thresholds crossed<\/div>/,
    );
    expect(html).toContain('<dt>Engine</dt><dd>node-runner 0.1.0</dd>');
    expect(html).toContain(
      '<dt>Target</dt><dd>http://127.0.0.1:38315 (embedded, fixture small)</dd>',
    );
    expect(html).toContain('<dt>Load average at start</dt><dd>0.52 / 0.41 / 0.30</dd>');
    expect(html).not.toContain('interrupted-banner');
    const summary = html.slice(
      html.indexOf('<h2>Run summary</h2>'),
      html.indexOf('<h2>Over time</h2>'),
    );
    expect(summary).toContain('<h3>Thresholds</h3>');
    expect(summary).toMatch(
      /<tr class="failed"><td>http_req_duration<\/td><td>p\(95\)&lt;200<\/td><td>FAIL<\/td><\/tr>/,
    );
    expect(summary).toContain('<td>503</td><td>5xx</td>');
    expect(summary).not.toContain('Settings');
    const header = html.slice(html.indexOf('<header>'), html.indexOf('</header>'));
    expect(header).toContain('<summary>Settings: 4 variables</summary>');
    expect(header).toContain('<td>TEST_DURATION</td><td>80s</td>');
    expect(header).toContain('<td>AUTH_PASSWORD</td><td>***</td>');
  });

  it("shows another run's files only in the marked note, not as sections of this run", async () => {
    const html = await render(folder);
    const note = html.slice(html.indexOf('<section id="from-another-run">'));
    expect(note.slice(0, note.indexOf('</section>'))).toContain('<td>rps_results.json</td>');
    expect(html).not.toContain('<h2>RPS sweep</h2>');
    expect(html).not.toContain('<h2>Database benchmark</h2>');
    expect(html).toContain('<h2>Load test</h2>');
  });

  it('embeds what the charts draw, not the histograms or the per-name rows', async () => {
    const inputs = await readReportInputs(folder);
    const html = renderHtmlReport(inputs, { chartJs: '', generatedAt: 'now' });
    const hdr = inputs.series?.series.requests[0]?.hdr ?? '';
    expect(hdr.length).toBeGreaterThan(20);
    expect(html).not.toContain(hdr);
    expect(html).not.toContain('"error_codes"');
    const specs = buildChartSpecs(inputs);
    expect(specs.map((s) => s.id)).toEqual([...TIME_CHART_IDS, 'chart-endpoints']);
    for (const spec of specs.filter(
      (s) => s.id.startsWith('chart-time-') && !s.id.includes('memory'),
    )) {
      for (const d of datasetsOf(spec.config))
        expect(d.data, `${spec.id} ${d.label}`).toHaveLength(120);
    }
  });

  it('puts phases and memory on the series clock', async () => {
    const specs = buildChartSpecs(await readReportInputs(folder));
    const rate = specOf(specs, 'chart-time-rate');
    const options = rate.config.options as { plugins: { timelineMarks: { items: unknown[] } } };
    // run.json counts phases from the run's start, SETUP_SECONDS before the series' bucket 0.
    expect(options.plugins.timelineMarks.items).toEqual([
      { atSeconds: 0, label: 'warm-up', kind: 'phase' },
      { atSeconds: 20, label: 'plateau', kind: 'phase' },
      { atSeconds: 100, label: 'cool-down', kind: 'phase' },
    ]);
    const memory = specOf(specs, 'chart-time-memory-0');
    const rss = datasetsOf(memory.config)[0];
    // mem-monitor started with the run: its first sample sits SETUP_SECONDS before bucket 0.
    expect(rss?.data[0]?.x).toBe(-SETUP_SECONDS);
    expect(rss?.data.at(-1)?.x).toBe(120);
    const x = (rate.config.options as { scales: { x: { min: number; max: number } } }).scales.x;
    expect([x.min, x.max]).toEqual([-SETUP_SECONDS, 120]);
  });

  it('draws endpoint latency sorted by p95 on a log axis', async () => {
    const spec = specOf(buildChartSpecs(await readReportInputs(folder)), 'chart-endpoints');
    const data = spec.config.data as {
      labels: string[];
      datasets: { label: string; data: number[] }[];
    };
    expect(data.labels).toEqual(['POST /auth/login', 'GET /me/profile', 'GET /trails/:id']);
    const p95 = data.datasets.find((d) => d.label === 'p95 (ms)')?.data ?? [];
    expect([...p95].sort((a, b) => b - a)).toEqual(p95);
    const scales = (spec.config.options as { scales: { x: { type: string } } }).scales;
    expect(scales.x.type).toBe('logarithmic');
  });

  it('marks an interrupted run with a banner and its verdict', async () => {
    const html = await render(interrupted);
    expect(html).toContain('data-verdict="interrupted">Interrupted</div>');
    expect(html).toContain(
      '<div class="banner" role="alert" id="interrupted-banner"><strong>Interrupted.</strong> The run was stopped after 1m 14s',
    );
    const specs = buildChartSpecs(await readReportInputs(interrupted));
    const rate = specOf(specs, 'chart-time-rate');
    expect(datasetsOf(rate.config)[0]?.data).toHaveLength(70);
  });

  it('draws a series without run.json, and notes a second series file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rota-report-norun-'));
    scratch.push(dir);
    const series = await readFile(join(folder, 'performance_series.json'), 'utf8');
    await writeFile(join(dir, 'performance_series.json'), series);
    await writeFile(join(dir, 'other_series.json'), series);
    const inputs = await readReportInputs(dir);
    expect(inputs.run).toBeNull();
    expect(inputs.notes).toEqual([
      'performance_series.json: another series file, not drawn (other_series.json is)',
    ]);
    const html = renderHtmlReport(inputs, { chartJs: '', generatedAt: 'now' });
    expect(html).toContain('<h2>Over time</h2>');
    expect(html).not.toContain('id="verdict"');
  });
});

describe('renderHtmlReport of a sweep run', () => {
  it('marks every level on the time charts and the memory, by wall-clock time', async () => {
    const specs = buildChartSpecs(await readReportInputs(sweep));
    const expected = SWEEP_LEVELS.map((l) => ({
      atSeconds: l.start,
      label: l.scenario,
      kind: 'level',
    }));
    for (const id of ['chart-time-rate', 'chart-time-memory-0']) {
      const options = specOf(specs, id).config.options as {
        plugins: { timelineMarks: { items: unknown[] } };
      };
      expect(options.plugins.timelineMarks.items, id).toEqual(expected);
    }
    const rate = datasetsOf(specOf(specs, 'chart-time-rate').config);
    const target = rate.find((d) => d.label === 'Target (iterations/s)')?.data ?? [];
    expect([target[4]?.y, target[5]?.y, target[30]?.y, target[105]?.y]).toEqual([null, 10, 20, 50]);
  });

  it('orders the sweep chart by target and draws the tolerance and the p95 SLO', async () => {
    const spec = specOf(buildChartSpecs(await readReportInputs(sweep)), 'chart-rps');
    const data = spec.config.data as {
      labels: string[];
      datasets: { label: string; data: number[]; yAxisID: string }[];
    };
    expect(data.labels).toEqual(['10', '20', '30', '40', '50']);
    const line = (label: string) => data.datasets.find((d) => d.label === label);
    expect(line('Failure tolerance (1%)')).toMatchObject({ data: [1, 1, 1, 1, 1], yAxisID: 'pct' });
    expect(line('p95 SLO (500 ms)')).toMatchObject({
      data: [500, 500, 500, 500, 500],
      yAxisID: 'ms',
    });
  });
});
