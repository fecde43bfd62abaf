#!/usr/bin/env node
// Runs a step sweep and an adaptive search against rota-api through node-runner and prints
// both tables (the figures in the rps-sweeper section of docs/benchmarks.md come from here).
//   node bench/sweep-rota-api.mjs [limiter|read]   (build the package and its deps first)
// limiter: POST /auth/login under a 45/s rate limit (90 per 2 s), so the ceiling is known
//          (47 RPS at 5% tolerance).
// read:    GET /trails/showcase with a 200 ms p95 SLO: the machine's own ceiling (noisy).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@rota-perf/node-runner';
import { formatSweepSummary } from '@rota-perf/report-formatter';
import { startRotaApi } from '@rota-perf/rota-api';
import {
  analyseSweep,
  planSweep,
  SWEEP_SUMMARY_TREND_STATS,
  searchCeiling,
} from '../dist/index.js';

const TARGETS = {
  limiter: {
    env: { AUTH_RATE_LIMIT_MAX_ATTEMPTS: '90', AUTH_RATE_LIMIT_WINDOW_SECONDS: '2' },
    request: `http.asyncRequest('POST', __ENV.BASE_URL + '/auth/login', JSON.stringify({ email: 'sweep@example.com', password: 'x' }), { headers: { 'Content-Type': 'application/json' } })`,
    expected: 401,
    sweep: { min: 15, max: 75, step: 15, stepDuration: '4s' },
    search: { min: 10, max: 200, strategy: 'exponential', precision: 2, duration: 4 },
    tolerance: 0.05,
    p95SloMs: null,
  },
  read: {
    env: {},
    request: `http.asyncRequest('GET', __ENV.BASE_URL + '/trails/showcase')`,
    expected: 200,
    sweep: { min: 50, max: 400, step: 50, stepDuration: '5s' },
    search: { min: 25, max: 1600, strategy: 'exponential', precision: 10, duration: 5 },
    tolerance: 0.01,
    p95SloMs: 200,
  },
};

const which = process.argv[2] ?? 'limiter';
const target = TARGETS[which];
if (!target) {
  console.error(`unknown target ${JSON.stringify(which)}: expected "limiter" or "read"`);
  process.exit(2);
}

function scriptFor(plan) {
  const options = {
    scenarios: plan.scenarios,
    thresholds: plan.thresholds,
    summaryTrendStats: SWEEP_SUMMARY_TREND_STATS,
  };
  return `import http from 'k6/http';
http.setResponseCallback(http.expectedStatuses(${target.expected}));
export const options = ${JSON.stringify(options)};
export async function probe_iteration() { await ${target.request}; }
export function handleSummary() { return {}; }
`;
}

function planFor(min, max, step, stepDuration, pause, warmup = 0) {
  return planSweep({
    ...{ min, max, step, stepDuration, pause, warmup },
    tolerance: target.tolerance,
    p95SloMs: target.p95SloMs,
    preAllocatedVUs: 20,
    maxVUs: 200,
    scenarioPrefix: 'probe',
    exec: 'probe_iteration',
    gracefulStop: '2s',
  });
}

const dir = await mkdtemp(join(tmpdir(), 'rps-sweeper-bench-'));
const api = await startRotaApi({ env: target.env });
let runs = 0;
async function runPlan(plan) {
  const file = join(dir, `sweep-${++runs}.js`);
  await writeFile(file, scriptFor(plan));
  const result = await run(file, { env: { BASE_URL: api.url }, quiet: true, cwd: dir });
  if (!result.summaryData) throw new Error(`node-runner gave no summary (exit ${result.exitCode})`);
  return result.summaryData;
}

try {
  const { min, max, step, stepDuration } = target.sweep;
  // A cold server (JIT, connection pool) fails its first level on latency: warm it up.
  const plan = planFor(min, max, step, stepDuration, '2500ms', '5s');
  const sweep = analyseSweep(await runPlan(plan), plan, { kind: 'rps_probe' });
  console.log(formatSweepSummary(sweep));

  const search = await searchCeiling({
    ...target.search,
    tolerance: target.tolerance,
    p95SloMs: target.p95SloMs,
    // One node-runner run per level: a one-level plan, analysed like any sweep.
    runLevel: async (rate, seconds) => {
      // A 2 s warm-up at the level's rate, outside the measured level; for the limiter it
      // is followed by the level without a pause, which the window tolerates (90 per 2 s).
      const one = planFor(rate, rate, 1, seconds, 0, 2);
      const level = analyseSweep(await runPlan(one), one, { kind: 'adaptive' }).levels[0];
      console.log(`  ${rate} RPS: ${level.passed ? 'PASS' : `FAIL (${level.reason})`}`);
      return level;
    },
  });
  console.log(formatSweepSummary(search.sweep));
  console.log(
    `ceiling ${search.ceiling} RPS, confirmed ${search.confirmed}, runs ${search.runs.length}`,
  );
  for (const note of search.notes) console.log(`note: ${note}`);
} finally {
  await api.stop();
  await rm(dir, { recursive: true, force: true });
}
