// Benchmarks of report-formatter, each against a baseline measured in the same run:
//  1. handleSummary work (summarise + console text + results JSON) vs JSON.stringify of the
//     same summary data (the least any handleSummary does);
//  2. the HTML report for a day of 0.5 s memory samples vs only reading + parsing that CSV.
// Usage: pnpm --filter @rota-perf/report-formatter bench
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHtmlReport } from '../dist/html/index.js';
import {
  buildLoadResultsJson,
  formatLoadSummary,
  formatMemoryCsvRow,
  memoryCsvHeader,
  parseMemoryCsv,
  summariseLoad,
} from '../dist/index.js';

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

function summaryData(endpoints) {
  const metrics = {
    http_reqs: { type: 'counter', contains: 'default', values: { count: 1e6, rate: 5000 } },
    data_received: { type: 'counter', contains: 'data', values: { count: 5e9, rate: 1 } },
    data_sent: { type: 'counter', contains: 'data', values: { count: 1e9, rate: 1 } },
    http_req_failed: {
      type: 'rate',
      contains: 'default',
      values: { rate: 0.001, passes: 1000, fails: 999000 },
    },
  };
  const trend = { avg: 5, min: 1, med: 4, max: 90, 'p(90)': 9, 'p(95)': 12, 'p(99)': 30, count: 1 };
  for (let i = 0; i < endpoints; i++) {
    metrics[`endpoint_requests{endpoint:e${i}}`] = {
      type: 'counter',
      contains: 'default',
      values: { count: 5e4, rate: 250 },
    };
    metrics[`endpoint_failures{endpoint:e${i}}`] = {
      type: 'counter',
      contains: 'default',
      values: { count: 3, rate: 0 },
    };
    metrics[`endpoint_duration_ms{endpoint:e${i}}`] = {
      type: 'trend',
      contains: 'time',
      values: trend,
    };
  }
  return {
    metrics,
    root_group: { name: '', path: '', id: '', groups: [], checks: [] },
    options: {
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
      summaryTimeUnit: '',
      noColor: true,
    },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 200000 },
  };
}

const data = summaryData(20);
const repeat = 2000;
const baseline = time(() => JSON.stringify(data), repeat);
const ours = time(() => {
  const s = summariseLoad(data);
  formatLoadSummary(s);
  JSON.stringify(buildLoadResultsJson(s));
}, repeat);
console.log(
  `handleSummary work, 20 endpoints: ${ours.toFixed(3)} ms vs JSON.stringify(data) ${baseline.toFixed(3)} ms -> ratio ${(ours / baseline).toFixed(2)}`,
);

const folder = await mkdtemp(join(tmpdir(), 'rota-report-bench-'));
try {
  const start = Date.parse('2026-11-26T00:00:00Z');
  let csv = memoryCsvHeader();
  const n = 172_800;
  for (let i = 0; i < n; i++) {
    csv += formatMemoryCsvRow({
      timestamp: new Date(start + i * 500).toISOString(),
      elapsedSeconds: i / 2,
      pid: 1,
      name: 'node',
      rssBytes: 100e6 + (i % 1000) * 1000,
      vmsBytes: 1e9,
      cpuPercent: i % 100,
      matchedCount: 1,
    });
  }
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
