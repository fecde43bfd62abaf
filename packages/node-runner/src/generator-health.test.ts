import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fixturesDir,
  readSummary,
  removeTempDirs,
  runBin,
  tempDir,
} from './test-support/harness.js';

// node-runner's extension metrics: the generator's CPU share, its event-loop lag and how late
// arrival-rate iterations start, in summary data and usable in thresholds.
afterAll(removeTempDirs);

interface Values {
  count: number;
  max: number;
  avg: number;
  'p(95)': number;
}

async function runGenerator(busyMs: number, script = 'generator.js') {
  const cwd = tempDir();
  const r = await runBin(['run', '-q', '-e', `BUSY_MS=${busyMs}`, resolve(fixturesDir, script)], {
    cwd,
    timeoutMs: 30_000,
  });
  expect(r.code).toBe(0);
  const data = readSummary(cwd);
  const values = (name: string) => ({
    ...data.metrics[name].values,
    type: data.metrics[name].type,
  });
  return { data, values: values as (name: string) => Values & { type: string } };
}

describe('generator health metrics', () => {
  it('are sampled every second, one start lag per arrival-rate iteration, usable in thresholds', async () => {
    const { data, values } = await runGenerator(0);
    const cpu = values('generator_cpu_percent');
    expect(cpu.type).toBe('trend');
    expect(cpu.count).toBeGreaterThanOrEqual(2);
    expect(cpu.max).toBeGreaterThan(0);
    expect(values('generator_event_loop_lag_ms').count).toBe(cpu.count);
    expect(data.metrics.generator_event_loop_lag_ms.contains).toBe('time');
    const lag = values('iteration_start_lag_ms');
    expect(lag.count).toBe(data.metrics.iterations.values.count);
    expect(values('iteration_start_lag_ms{scenario:paced}').count).toBe(lag.count);
    expect(data.metrics.generator_cpu_percent.thresholds).toEqual({ 'max>=0': { ok: true } });
  });

  it('show a generator whose event loop is kept busy (120 ms of CPU per iteration at 20/s)', async () => {
    const quiet = (await runGenerator(0)).values;
    const busy = (await runGenerator(120)).values;
    // 20 × 120 ms = 2.4 s of CPU per second wanted: one core is not enough.
    // The machine may be shared: the share is lower than 100 % (22 % seen at load average 25
    // on 2 cores), but well above an idle runner's (≈ 4 % then).
    const quietCpu = quiet('generator_cpu_percent').avg;
    expect(busy('generator_cpu_percent').avg).toBeGreaterThan(
      Math.max(quietCpu + 10, quietCpu * 2),
    );
    expect(busy('generator_event_loop_lag_ms').max).toBeGreaterThan(100);
    expect(busy('iteration_start_lag_ms')['p(95)']).toBeGreaterThan(100);
    expect(busy('iteration_start_lag_ms')['p(95)']).toBeGreaterThan(
      quiet('iteration_start_lag_ms')['p(95)'],
    );
  });

  it('carry the scenario that ran in their second, so each level of a sweep has its own', async () => {
    const { values } = await runGenerator(0, 'generator-levels.js');
    const first = values('generator_cpu_percent{scenario:first}').count;
    const second = values('generator_cpu_percent{scenario:second}').count;
    // 2.5 s each, sampled once a second at the middle of the second: 2 or 3 samples each.
    expect(first).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThanOrEqual(3);
    expect(second).toBeGreaterThanOrEqual(2);
    expect(second).toBeLessThanOrEqual(3);
    expect(values('generator_event_loop_lag_ms{scenario:second}').count).toBe(second);
    // The pause between them and the graceful stop belong to neither.
    expect(values('generator_cpu_percent').count).toBeGreaterThan(first + second);
  });

  it('an arrival-rate scenario that fell behind starts no iteration after its duration (as k6)', async () => {
    // 50 slots of 120 ms CPU each in 2.5 s: the engine thread can start about 21 of them.
    const { values } = await runGenerator(120, 'generator-levels.js');
    const started = values('iterations{scenario:first}').count;
    expect(started).toBeGreaterThan(5);
    expect(started).toBeLessThan(30);
  });
});
