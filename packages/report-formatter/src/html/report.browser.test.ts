// The HTML report in a real browser: Debian's Chromium driven by playwright-core. Asserts on
// what the charts hold (read back from Chart.js), and saves full-page screenshots under
// packages/report-formatter/test-artifacts/ (git-ignored).
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DrawnChart,
  drawnCharts,
  launchChromium,
  openReport,
  paintedShare,
} from '../test-support/browser.js';
import { writeFixtureFolder } from '../test-support/report-fixture.js';
import { TIME_CHART_IDS, writeRunFolder } from '../test-support/run-fixture.js';
import { writeSweepRunFolder } from '../test-support/sweep-run-fixture.js';
import { writeHtmlReport } from './write.js';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');

let browser: Browser;
const folders: Record<'results' | 'run' | 'interrupted' | 'sweep', string> = {
  results: '',
  run: '',
  interrupted: '',
  sweep: '',
};
const urls: Partial<Record<keyof typeof folders, string>> = {};

beforeAll(async () => {
  browser = await launchChromium();
  folders.results = await writeFixtureFolder();
  folders.run = await writeRunFolder();
  folders.interrupted = await writeRunFolder({ interruptedAfter: 70 });
  folders.sweep = await writeSweepRunFolder();
  for (const key of Object.keys(folders) as (keyof typeof folders)[]) {
    urls[key] = pathToFileURL(await writeHtmlReport({ folder: folders[key] })).href;
  }
});

afterAll(async () => {
  await browser?.close();
  for (const dir of Object.values(folders))
    if (dir) await rm(dir, { recursive: true, force: true });
});

// Opens a report, checks it loaded cleanly and drew every canvas, saves its screenshot.
async function open(key: keyof typeof folders, screenshot: string) {
  const { page, errors } = await openReport(browser, urls[key] ?? '');
  const ids = await page.$$eval('canvas', (cs) => cs.map((c) => c.id));
  for (const id of ids) {
    // Axes, labels and bars/lines: a drawn chart covers well over 1% of its canvas.
    expect(await paintedShare(page, id), `${id} looks empty`).toBeGreaterThan(0.01);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, screenshot);
  await page.screenshot({ path, fullPage: true });
  expect(existsSync(path)).toBe(true);
  expect(errors).toEqual([]);
  // Long lines (SQL in a plan, a wide table) scroll inside their box; the page never scrolls
  // sideways, which would push table columns and chart edges out of view.
  const [scrollWidth, clientWidth] = await page.$eval('html', (e) => [
    e.scrollWidth,
    e.clientWidth,
  ]);
  expect(scrollWidth, 'page width beyond the viewport').toBeLessThanOrEqual(clientWidth ?? 0);
  const charts = await drawnCharts(page);
  expect(charts.map((c) => c.id)).toEqual(ids);
  return { page, ids, charts };
}

const chart = (charts: DrawnChart[], id: string) => {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');

describe('HTML report in Chromium', () => {
  it('draws the results charts: endpoints on a log axis, sweep reference lines, search path', async () => {
    const { page, ids, charts } = await open('results', 'html-report.png');
    expect(ids).toEqual([
      'chart-endpoints',
      'chart-rps',
      'chart-progress-probe',
      'chart-adaptive-probe',
      'chart-adaptive-probe-path',
      'chart-db-bench',
      'chart-memory-0',
    ]);
    expect(chart(charts, 'chart-endpoints').xType).toBe('logarithmic');
    const rps = chart(charts, 'chart-rps').datasets;
    expect(rps.find((d) => d.label === 'Failure tolerance (1%)')?.values).toEqual([1, 1, 1, 1, 1]);
    expect(rps.find((d) => d.label === 'p95 SLO (500 ms)')?.values).toEqual([
      500, 500, 500, 500, 500,
    ]);
    const path = chart(charts, 'chart-adaptive-probe-path').datasets;
    expect(path.map((d) => [d.label, d.values])).toEqual([
      ['Rate tried (green passed, red failed, grey interrupted)', [10, 20, 40, 30, 35, 30]],
      ['confirmed ceiling (30 RPS)', [30, 30, 30, 30, 30, 30]],
    ]);
    // The sweep's levels on the memory timeline (the README promises them).
    expect(
      chart(charts, 'chart-memory-0')
        .marks.map((m) => m.label)
        .slice(0, 5),
    ).toEqual(['probe_10', 'probe_20', 'probe_30', 'probe_40', 'probe_50']);
    expect(await page.$('#verdict')).toBeNull();
    await page.close();
  });

  it("draws a run's series on one clock with its phases, verdict and another run's files", async () => {
    const { page, charts } = await open('run', 'html-report-run.png');
    expect(await text(page, '#verdict')).toBe('Thresholds crossed');
    expect(await page.$('#interrupted-banner')).toBeNull();
    expect(await page.isVisible('#from-another-run')).toBe(true);
    const timeCharts = charts.filter((c) => c.id.startsWith('chart-time-'));
    expect(timeCharts.map((c) => c.id)).toEqual(TIME_CHART_IDS);
    for (const c of timeCharts) {
      expect(
        c.marks.map((m) => `${m.label}@${m.atSeconds}`),
        c.id,
      ).toEqual(['warm-up@0', 'plateau@20', 'cool-down@100']);
      if (c.id === 'chart-time-memory-0') continue;
      for (const d of c.datasets) expect(d.points, `${c.id} ${d.label}`).toBe(120);
    }
    const rate = chart(charts, 'chart-time-rate').datasets;
    expect(rate.map((d) => [d.label, d.visible])).toEqual([
      ['Target (iterations/s)', true],
      ['Achieved (requests/s)', true],
      ['Iterations/s', false],
    ]);
    // 30 requests/s on the plateau, the target met.
    expect(rate[1]?.values[50]).toBe(30);
    expect(chart(charts, 'chart-time-latency').datasets.map((d) => d.label)).toEqual([
      'p50 (ms)',
      'p90 (ms)',
      'p95 (ms)',
      'p99 (ms)',
      'max (ms)',
    ]);
    expect(chart(charts, 'chart-time-errors').datasets.map((d) => d.label)).toEqual([
      'Failed requests/s',
      '5xx /s',
      'no response /s',
      'error 1050 /s',
    ]);
    expect(Number(await page.getAttribute('html', 'data-charts-ms'))).toBeGreaterThan(0);
    await page.close();
  });

  it('shows an interrupted run with its banner and only the seconds it measured', async () => {
    const { page, charts } = await open('interrupted', 'html-report-interrupted.png');
    expect(await text(page, '#verdict')).toBe('Interrupted');
    expect(await page.isVisible('#interrupted-banner')).toBe(true);
    expect(await text(page, '#interrupted-banner')).toContain('The run was stopped after 1m 14s');
    expect(chart(charts, 'chart-time-rate').datasets[0]?.points).toBe(70);
    // The cool-down never started.
    expect(chart(charts, 'chart-time-rate').marks.map((m) => m.label)).toEqual([
      'warm-up',
      'plateau',
    ]);
    await page.close();
  });

  it("marks a sweep run's levels on its time charts and memory", async () => {
    const { page, charts } = await open('sweep', 'html-report-sweep.png');
    expect(await text(page, '#verdict')).toBe('Passed');
    const levels = ['probe_10@5', 'probe_20@30', 'probe_30@55', 'probe_40@80', 'probe_50@105'];
    for (const id of ['chart-time-rate', 'chart-time-memory-0']) {
      expect(
        chart(charts, id).marks.map((m) => `${m.label}@${m.atSeconds}`),
        id,
      ).toEqual(levels);
    }
    const rps = chart(charts, 'chart-rps').datasets.map((d) => d.label);
    expect(rps).toContain('Failure tolerance (1%)');
    expect(rps).toContain('p95 SLO (500 ms)');
    await page.close();
  });

  it('shows every table without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(urls.results ?? '', { waitUntil: 'load' });
    expect(await page.getAttribute('html', 'data-charts')).toBeNull();
    const tables = await page.$$eval('table', (ts) =>
      ts.map((t) => (t as unknown as { textContent: string | null }).textContent ?? ''),
    );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const all = tables.join('\n');
    expect(all).toContain('GET /trails/:id');
    expect(all).toContain('probe_40');
    expect(all).toContain('TrailsRepository.list_showcase');
    await page.goto(urls.run ?? '', { waitUntil: 'load' });
    expect(await text(page, '#verdict')).toBe('Thresholds crossed');
    expect(await text(page, '#run-summary')).toContain('http_req_duration');
    await context.close();
  });
});
