// End to end: a sweep planned here, run by node-runner against the real rota-api (embedded
// PostgreSQL), analysed here, twice. The system's limit is made deterministic on purpose:
// rota-api's login rate limiter (sliding log, LIMIT·WINDOW attempts per WINDOW seconds)
// fails every request above LIMIT per second (averaged over a 2 s window, so that scheduling jitter on a
// loaded machine does not look like a burst), whatever the machine's load. The ceiling is
// thus known in advance and CPU noise cannot make the test flaky.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { K6SummaryData } from '@rota-perf/core';
import { run } from '@rota-perf/node-runner';
import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseSweep } from './analyse.js';
import { planSweep, SWEEP_SUMMARY_TREND_STATS } from './plan.js';

const LIMIT = 45;
const WINDOW_SECONDS = 2;
const TOLERANCE = 0.05;
const STEP = 15;

const plan = planSweep({
  min: 20,
  max: 65,
  step: STEP,
  warmup: 0,
  stepDuration: '3s',
  // Longer than the limiter window, so each level starts with an empty log.
  pause: '2500ms',
  tolerance: TOLERANCE,
  preAllocatedVUs: 20,
  maxVUs: 100,
  scenarioPrefix: 'probe',
  exec: 'probe_iteration',
  gracefulStop: '2s',
});

function scriptText(): string {
  const options = {
    scenarios: plan.scenarios,
    thresholds: plan.thresholds,
    summaryTrendStats: SWEEP_SUMMARY_TREND_STATS,
  };
  return `import http from 'k6/http';
// An unknown user's login is a 401 by design; only the limiter's 429s count as failures.
http.setResponseCallback(http.expectedStatuses(401));
export const options = ${JSON.stringify(options, null, 2)};
const BODY = JSON.stringify({ email: 'sweep-e2e@example.com', password: 'not-a-password' });
export async function probe_iteration() {
  await http.asyncRequest('POST', __ENV.BASE_URL + '/auth/login', BODY, {
    headers: { 'Content-Type': 'application/json' },
  });
}
export function handleSummary() {
  return {};
}
`;
}

let api: StartedRotaApi | undefined;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rps-sweeper-e2e-'));
  await writeFile(join(dir, 'sweep.js'), scriptText());
  api = await startRotaApi({
    env: {
      AUTH_RATE_LIMIT_MAX_ATTEMPTS: String(LIMIT * WINDOW_SECONDS),
      AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
});

afterAll(async () => {
  await api?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function sweepOnce() {
  const result = await run(join(dir, 'sweep.js'), {
    env: { BASE_URL: api?.url ?? '' },
    quiet: true,
    cwd: dir,
  });
  expect(result.exitCode).toBe(0);
  return analyseSweep(result.summaryData as unknown as K6SummaryData, plan, { kind: 'rps_probe' });
}

describe('a planned sweep against rota-api through node-runner', () => {
  it('finds the same ceiling twice, within one step of the known limit', async () => {
    const first = await sweepOnce();
    const second = await sweepOnce();
    for (const result of [first, second]) {
      // Every level's sub-metrics reached handleSummary data (the original's empty-table bug).
      expect(result.levels.every((l) => l.requests !== null && l.requests > 0)).toBe(true);
      expect(result.levels.every((l) => l.p95Ms !== null && l.p99Ms !== null)).toBe(true);
    }
    // A level passes when (rate - LIMIT) / rate <= TOLERANCE, i.e. rate <= LIMIT / (1 - TOL).
    const expected = plan.levels
      .map((l) => l.targetRps)
      .filter((rate) => rate <= LIMIT / (1 - TOLERANCE))
      .at(-1) as number;
    const a = first.highestPassingTarget;
    const b = second.highestPassingTarget;
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(Math.abs((a as number) - (b as number))).toBeLessThanOrEqual(STEP);
    expect(Math.abs((a as number) - expected)).toBeLessThanOrEqual(STEP);
    // The first level above the limit fails on its failure rate, not for lack of data.
    const above = first.levels.find((l) => l.targetRps > LIMIT / (1 - TOLERANCE));
    expect(above?.passed).toBe(false);
    expect(above?.reason).toContain('failure rate');
  });
});
