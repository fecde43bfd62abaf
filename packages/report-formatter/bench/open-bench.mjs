// Benchmark of the HTML report of a long run: a 1-hour, 20-endpoint series (72,000 request rows
// recorded by the core's SeriesRecorder), its run.json, memory CSV and results.json.
//  1. writeHtmlReport vs reading + JSON.parse of the series file alone (same run);
//  2. opening the page in headless Chromium: navigation -> every chart drawn (the page stamps
//     performance.now() on <html data-charts-ms> once the last chart is drawn) vs the same page
//     with JavaScript disabled (navigation -> load event: HTML, CSS and tables only).
// Usage: pnpm --filter @rota-perf/report-formatter bench:open  [OPENS=5] [CHROMIUM_PATH=…]
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { SeriesRecorder } from '@rota-perf/core/series';
import { chromium } from 'playwright-core';
import { writeHtmlReport } from '../dist/html/index.js';
import { memoryCsv } from './memory-csv.mjs';

const SECONDS = 3600;
const ENDPOINTS = 20;
const RATE = 5; // requests per second per endpoint: 100 req/s, 360,000 requests in all
const OPENS = Number(process.env.OPENS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

function series(startMs) {
  const recorder = new SeriesRecorder({ startMs, engine: 'node-runner' });
  for (let t = 0; t < SECONDS; t++) {
    for (let e = 0; e < ENDPOINTS; e++) {
      const scenario = `endpoint_${e}`;
      recorder.recordTargetRate(startMs + t * 1000, scenario, RATE);
      for (let i = 0; i < RATE; i++) {
        const at = startMs + t * 1000 + i * 190;
        const ms = (2 + e * 3) * (0.6 + random()) * (random() < 0.03 ? 5 : 1);
        const status = random() < 0.002 ? 503 : 200;
        recorder.recordRequest(at, scenario, `GET /endpoint/${e}`, ms, status, status !== 200);
        recorder.recordIteration(at, scenario);
      }
    }
    recorder.recordSecond(startMs + t * 1000 + 999, { vus: 10 + (t % 5), vus_max: 50 });
    recorder.advance(startMs + (t + 1) * 1000);
  }
  return recorder.finish();
}

function runRecord(startMs, s) {
  const requests = s.requests.reduce((n, r) => n + r.requests, 0);
  return {
    version: 1,
    run_id: 'bench-run',
    tool: { name: 'rota-perf', version: '0.1.0', git_commit: null },
    command: 'bench',
    script: 'performance',
    started_at: new Date(startMs).toISOString(),
    ended_at: new Date(startMs + SECONDS * 1000).toISOString(),
    duration_seconds: SECONDS,
    engine: { kind: 'node-runner', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:3000', embedded: true },
    variables: { TARGET_RPS: String(RATE), TEST_DURATION: '1h' },
    host: {
      hostname: 'bench',
      platform: 'linux',
      cpus: 2,
      cpu_model: 'x',
      memory_bytes: 8e9,
      load_average: [0, 0, 0],
      node: process.version,
    },
    exit_code: 0,
    interrupted: false,
    verdict: 'passed',
    thresholds: [],
    checks: [],
    status_codes: { 200: requests },
    dropped_iterations: 0,
    rate: { target_rps: RATE * ENDPOINTS, achieved_rps: requests / SECONDS, plateau_rps: null },
    files: {
      results: null,
      series: 'performance_series.json',
      memory_csv: 'performance_memory.csv',
      report: null,
      ndjson: null,
      others: [],
    },
    phases: [
      { name: 'warm-up', start_seconds: 0, end_seconds: 300 },
      { name: 'plateau', start_seconds: 300, end_seconds: 3300, target_rps: RATE * ENDPOINTS },
      { name: 'cool-down', start_seconds: 3300, end_seconds: 3600 },
    ],
    instances: [],
    notes: [],
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) =>
  `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;

async function openTimes(url, javaScriptEnabled) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const times = [];
    for (let i = 0; i < OPENS; i++) {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      if (javaScriptEnabled) {
        await page.waitForSelector('html[data-charts-ms]', { timeout: 60_000 });
        times.push(Number(await page.getAttribute('html', 'data-charts-ms')));
      } else {
        // Navigation timing is readable from the utility world even with scripts disabled.
        times.push(
          await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd),
        );
      }
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

const folder = await mkdtemp(join(tmpdir(), 'rota-report-open-bench-'));
try {
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const startMs = Date.now() - (SECONDS + 60) * 1000;
  let t0 = performance.now();
  const s = series(startMs);
  const seriesPath = join(folder, 'performance_series.json');
  await writeFile(seriesPath, JSON.stringify(s));
  await writeFile(join(folder, 'run.json'), JSON.stringify(runRecord(startMs, s)));
  await writeFile(join(folder, 'performance_memory.csv'), memoryCsv(startMs, SECONDS * 2));
  const size = (await stat(seriesPath)).size;
  console.log(
    `series: ${SECONDS} s x ${ENDPOINTS} endpoints = ${s.requests.length} request rows, ${(size / 1e6).toFixed(1)} MB (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  t0 = performance.now();
  JSON.parse(await readFile(seriesPath, 'utf8'));
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const out = await writeHtmlReport({ folder });
  const renderMs = performance.now() - t0;
  const page = (await stat(out)).size;
  console.log(
    `writeHtmlReport: ${renderMs.toFixed(0)} ms vs read + JSON.parse of the series ${parseMs.toFixed(0)} ms -> ratio ${(renderMs / parseMs).toFixed(2)}; page ${(page / 1024).toFixed(0)} KiB`,
  );

  const url = pathToFileURL(out).href;
  const drawn = await openTimes(url, true);
  const bare = await openTimes(url, false);
  console.log(`open in Chromium, navigation -> all charts drawn: ${fmt(drawn)}`);
  console.log(`same page without JavaScript, navigation -> load: ${fmt(bare)}`);
  console.log(`ratio charts / no-JS: ${(median(drawn) / median(bare)).toFixed(2)}`);
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
