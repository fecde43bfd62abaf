// The verdicts against systems with known answers, run by node-runner on loopback:
// - a fixed-capacity server (10 slots × 50 ms, a FIFO queue beyond: 200 RPS, or what the server
//   measures on a busy machine where its timers fire late): the step sweep and the adaptive
//   search must find that capacity within ±10% and name the system as the cause (its latency
//   grows with the queue until the VU pool runs out);
// - a generator starved of CPU on purpose (pinned with a busy sibling process to one core when
//   taskset exists; otherwise alone with a heavier script): the verdict must name the generator
//   and call the ceiling a lower bound, although the server is far from its limit.
// Each level runs 3-4 s; the whole file stays under two minutes on a quiet machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCeilingLowerBound, type SweepLevel } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canPin,
  type FixedCapacityServer,
  LAB_TOLERANCE,
  labSweepInput,
  runPlan,
  startCpuBurner,
  startFixedCapacityServer,
} from '../bench/verdict-lab.mjs';
import { analyseSweep } from './analyse.js';
import { planSweep } from './plan.js';
import { searchCeiling } from './search.js';

const WITHIN = 0.1;

const plan = (min: number, max: number, step: number, seconds: number, vus: number) =>
  planSweep(labSweepInput({ min, max, step, seconds, vus }));

function lowestFailing(levels: readonly SweepLevel[]): SweepLevel | undefined {
  return [...levels].sort((a, b) => a.targetRps - b.targetRps).find((l) => !l.passed);
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rps-sweeper-verdicts-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a system with a fixed capacity (10 slots × 50 ms, queueing beyond)', () => {
  let server: FixedCapacityServer | undefined;

  beforeAll(async () => {
    server = await startFixedCapacityServer({ slots: 10, serviceMs: 50 });
  });

  afterAll(async () => {
    await server?.stop();
  });

  // The true capacity: slots over the mean slot hold time the server measured.
  async function trueCapacity(): Promise<number> {
    const stats = await (server as FixedCapacityServer).stats();
    expect(stats.capacity_rps).not.toBeNull();
    return stats.capacity_rps as number;
  }

  it('the step sweep finds it within ±10% and names the system (VU pool exhausted)', async () => {
    const sweepPlan = plan(150, 250, 25, 4, 15);
    const data = await runPlan(sweepPlan, { baseUrl: (server as FixedCapacityServer).url, dir });
    const result = analyseSweep(data, sweepPlan, { kind: 'rps_probe' });
    const capacity = await trueCapacity();
    const ceiling = result.highestPassingTarget as number;
    // On failure, every level's verdict and figures.
    const levels = JSON.stringify({ capacity, levels: result.levels });
    expect(ceiling, levels).not.toBeNull();
    expect(Math.abs(ceiling / capacity - 1), levels).toBeLessThanOrEqual(WITHIN);
    const failing = lowestFailing(result.levels);
    expect(failing?.cause, levels).toBe('vu_pool_exhausted');
    expect(failing?.droppedIterations).toBeGreaterThan(0);
    expect(failing?.requiredConcurrency).toBeGreaterThanOrEqual(0.9 * 15);
    expect(failing?.reason).toContain('raise MAX_VUS to find the real failure point');
    expect(result.limitedBy).toBe('vu_pool_exhausted');
    // The system, not the generator: the ceiling is an answer, not a floor.
    expect(result.generatorSaturated).toBe(false);
    expect(isCeilingLowerBound(result)).toBe(false);
    // The generator was measured and was far from its limit.
    expect(failing?.generatorCpuPercent).toBeLessThan(90);
  });

  it('the adaptive search finds it within ±10% and names the system', async () => {
    const url = (server as FixedCapacityServer).url;
    const search = await searchCeiling({
      min: 100,
      max: 800,
      strategy: 'exponential',
      precision: 10,
      duration: 3,
      tolerance: LAB_TOLERANCE,
      maxRuns: 12,
      runLevel: async (rate, seconds) => {
        const one = plan(rate, rate, 1, seconds, 15);
        const data = await runPlan(one, { baseUrl: url, dir });
        return analyseSweep(data, one, { kind: 'adaptive' }).levels[0] as SweepLevel;
      },
    });
    const capacity = await trueCapacity();
    // On failure, every run's verdict and figures.
    const runs = JSON.stringify({ capacity, runs: search.runs.map((r) => [r.phase, r.level]) });
    expect(search.ceiling, runs).not.toBeNull();
    expect(Math.abs((search.ceiling as number) / capacity - 1), runs).toBeLessThanOrEqual(WITHIN);
    expect(search.sweep.limitedBy, runs).toBe('vu_pool_exhausted');
    expect(search.sweep.generatorSaturated).toBe(false);
    expect(isCeilingLowerBound(search.sweep)).toBe(false);
  });
});

describe('a generator starved of CPU on purpose', () => {
  it('names the generator and calls the ceiling a lower bound, with the system far from its limit', async () => {
    // 1000 slots × 5 ms: 200,000 RPS, never the limit here.
    const server = await startFixedCapacityServer({ slots: 1000, serviceMs: 5 });
    const pin = canPin();
    // Pinned beside a busy sibling the generator gets half a core: 2 ms of script CPU per
    // iteration holds ~250/s. Alone it has a full core: 5 ms per iteration holds ~200/s.
    const burner = pin ? startCpuBurner({ cpu: 0, limitMs: 60_000 }) : null;
    try {
      const sweepPlan = plan(100, 400, 300, 3, 50);
      const data = await runPlan(sweepPlan, {
        baseUrl: server.url,
        dir,
        burnMs: pin ? 2 : 5,
        pinCpu: pin ? 0 : null,
      });
      const result = analyseSweep(data, sweepPlan, { kind: 'rps_probe' });
      const top = result.levels[1] as SweepLevel;
      expect(top.passed).toBe(false);
      expect(top.cause).toBe('generator_saturated');
      expect(top.reason).toMatch(/^load generator saturated: .*the ceiling is a lower bound$/);
      expect(top.startLagMs).toBeGreaterThanOrEqual(100);
      expect(result.limitedBy).toBe('generator_saturated');
      expect(result.generatorSaturated).toBe(true);
      expect(isCeilingLowerBound(result)).toBe(true);
      // The system answered every request, quickly.
      expect(top.failureRate).toBe(0);
    } finally {
      await burner?.stop();
      await server.stop();
    }
  });
});
