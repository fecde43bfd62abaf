import { describe, expect, it } from 'vitest';
import type { ScenarioConfig } from '../options/scenarios.js';
import { planOf } from './plan.js';
import { targetRateAt } from './target-rate.js';

const base: ScenarioConfig = {
  name: 's',
  executor: 'constant-arrival-rate',
  exec: 'default',
  startTimeMs: 0,
  gracefulStopMs: 30_000,
  env: {},
  tags: {},
  vus: 1,
  iterations: 1,
  durationMs: 10_000,
  maxDurationMs: 600_000,
  rate: 120,
  timeUnitMs: 60_000,
  preAllocatedVUs: 1,
  maxVUs: 1,
  startRate: 0,
  startVUs: 1,
  stages: [],
  gracefulRampDownMs: 30_000,
};

describe('target rate of arrival-rate scenarios', () => {
  it('constant: rate per timeUnit as iterations per second, within the duration', () => {
    expect(targetRateAt(base, 500)).toBe(2);
    expect(targetRateAt(base, 9_999)).toBe(2);
    expect(targetRateAt(base, 10_000)).toBeUndefined();
    expect(targetRateAt(base, -1)).toBeUndefined();
  });

  it('ramping: linear between stage targets, from startRate', () => {
    const ramp: ScenarioConfig = {
      ...base,
      executor: 'ramping-arrival-rate',
      timeUnitMs: 1000,
      startRate: 10,
      stages: [
        { durationMs: 2000, target: 30 },
        { durationMs: 1000, target: 30 },
        { durationMs: 0, target: 5 },
        { durationMs: 1000, target: 0 },
      ],
    };
    expect(targetRateAt(ramp, 0)).toBe(10);
    expect(targetRateAt(ramp, 1000)).toBe(20);
    expect(targetRateAt(ramp, 2500)).toBe(30);
    // A zero-length stage jumps to its target.
    expect(targetRateAt(ramp, 3500)).toBe(2.5);
    expect(targetRateAt(ramp, 4000)).toBeUndefined();
  });

  it('other executors have no target rate', () => {
    expect(targetRateAt({ ...base, executor: 'constant-vus' }, 100)).toBeUndefined();
  });
});

describe('plan', () => {
  it('schedules without graceful stops; the max duration with them, as k6 prints it', () => {
    const plan = planOf([
      base,
      {
        ...base,
        name: 'later',
        executor: 'ramping-vus',
        startTimeMs: 5000,
        stages: [{ durationMs: 3000, target: 2 }],
      },
    ]);
    expect(plan).toEqual({
      // 5 s start + 3 s stages + 30 s gracefulRampDown + 30 s gracefulStop.
      maxDurationSeconds: 68,
      scenarios: [
        { name: 's', executor: 'constant-arrival-rate', startSeconds: 0, durationSeconds: 10 },
        { name: 'later', executor: 'ramping-vus', startSeconds: 5, durationSeconds: 3 },
      ],
    });
  });
});
