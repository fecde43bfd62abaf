// Benchmarks of report-formatter, each against a baseline measured in the same run:
//  1. the console text of a 20-endpoint load summary vs JSON.stringify of the same summary
//     (the least any handleSummary does with it; the summary itself is k6-scenarios' work);
//  2. the HTML report for a day of 0.5 s memory samples vs only reading + parsing that CSV.
// Usage: pnpm --filter @rota-perf/report-formatter bench
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseMemoryCsv } from '@rota-perf/core';
import { writeHtmlReport } from '../dist/html/index.js';
import { formatLoadSummary } from '../dist/index.js';
import { memoryCsv } from './memory-csv.mjs';

function time(fn, repeat) {
  fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

async function timeAsync(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function loadSummary(endpoints) {
  const endpoint = (i) => ({
    key: `e${i}`,
    label: `GET /e${i}`,
    phase: 'main',
    requests: 5e4,
    requestsPerSecond: 250,
    avgMs: 5,
    p50Ms: 4,
    p95Ms: 12,
    p99Ms: 30,
    maxMs: 90,
    failures: 3,
    failureRate: 3 / 5e4,
    missingMetrics: [],
  });
  return {
    durationSeconds: 200,
    totalRequests: 1e6,
    requestsPerSecond: 5000,
    requestsPerMinute: 300000,
    bytesReceived: 5e9,
    bytesSent: 1e9,
    throughputBytesPerSecond: 3e7,
    throughputKibPerSecond: 3e7 / 1024,
    failedRequests: 1000,
    failureRate: 0.001,
    checks: null,
    steadyStateSeconds: 120,
    steadyStateRequests: 6e5,
    steadyStateRps: 5000,
    nonSteadySeconds: 80,
    nonSteadySharePercent: 40,
    rateLimitVerificationEnabled: false,
    rateLimitVerification: null,
    mainPhaseFailedRequests: 60,
    writePhaseFailedRequests: 0,
    mainPhaseFailures: [],
    writePhaseFailures: [],
    failedThresholds: [],
    p99Available: true,
    endpoints: Array.from({ length: endpoints }, (_, i) => endpoint(i)),
    skipped: [],
  };
}

const summary = loadSummary(20);
const repeat = 2000;
const baseline = time(() => JSON.stringify(summary), repeat);
const ours = time(() => formatLoadSummary(summary), repeat);
console.log(
  `load summary text, 20 endpoints: ${ours.toFixed(3)} ms vs JSON.stringify(summary) ${baseline.toFixed(3)} ms -> ratio ${(ours / baseline).toFixed(2)}`,
);

const folder = await mkdtemp(join(tmpdir(), 'rota-report-bench-'));
try {
  const start = Date.parse('2026-11-26T00:00:00Z');
  const n = 172_800;
  const csv = memoryCsv(start, n);
  const csvPath = join(folder, 'memory.csv');
  await writeFile(csvPath, csv);
  const parseMs = await timeAsync(async () => parseMemoryCsv(await readFile(csvPath, 'utf8')));
  let out = '';
  const reportMs = await timeAsync(async () => {
    out = await writeHtmlReport({ folder });
  });
  const size = (await stat(out)).size;
  console.log(
    `HTML report, ${n} memory samples: ${reportMs.toFixed(0)} ms vs read+parse CSV ${parseMs.toFixed(0)} ms -> ratio ${(reportMs / parseMs).toFixed(2)}; page ${(size / 1024).toFixed(0)} KiB`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
