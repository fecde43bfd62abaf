import { describe, expect, it } from 'vitest';
import { plannedSeconds, scheduleOf, targetRateAt, targetRates } from './schedule.js';

describe('scheduleOf / targetRateAt', () => {
  // The shape of 03-arrival-schedule.js: 0 -> 20/s over 2 s, hold 1 s, -> 0 over 2 s, from 3 s.
  const [constant, ramp, perMinute, vus] = scheduleOf({
    constant: { executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s', duration: '2s' },
    ramp: {
      executor: 'ramping-arrival-rate',
      startTime: '3s',
      startRate: 0,
      timeUnit: '1s',
      stages: [
        { duration: '2s', target: 20 },
        { duration: '1s', target: 20 },
        { duration: '2s', target: 0 },
      ],
    },
    perMinute: {
      executor: 'constant-arrival-rate',
      rate: 120,
      timeUnit: '1m',
      duration: '3s',
      startTime: '9s',
    },
    vus: { executor: 'constant-vus', duration: '30s' },
  });

  it('windows from startTime and duration or stages', () => {
    expect(
      [constant, ramp, perMinute, vus].map((s) => [s?.startSeconds, s?.durationSeconds]),
    ).toEqual([
      [0, 2],
      [3, 5],
      [9, 3],
      [0, 30],
    ]);
    expect(plannedSeconds(scheduleOf({ a: { executor: 'per-vu-iterations' } }))).toBe(600);
  });

  it('rates: constant, linear within a ramp, per timeUnit, 0 outside, null without a rate', () => {
    if (!constant || !ramp || !perMinute || !vus) throw new Error('four scenarios expected');
    expect(targetRateAt(constant, 1.5)).toBe(10);
    expect(targetRateAt(constant, 2)).toBe(0);
    expect(targetRateAt(ramp, 2.9)).toBe(0);
    expect(targetRateAt(ramp, 4)).toBe(10);
    expect(targetRateAt(ramp, 5.5)).toBe(20);
    expect(targetRateAt(ramp, 7.5)).toBe(5);
    expect(targetRateAt(perMinute, 10)).toBe(2);
    expect(targetRateAt(vus, 10)).toBeNull();
    const byName = targetRates([constant, ramp]);
    expect(byName('ramp', 4)).toBe(10);
    expect(byName('unknown', 4)).toBeNull();
  });

  it('a zero-length stage jumps to its target', () => {
    const [jump] = scheduleOf({
      jump: {
        executor: 'ramping-arrival-rate',
        startRate: 0,
        stages: [
          { duration: '0s', target: 8 },
          { duration: '4s', target: 8 },
        ],
      },
    });
    if (!jump) throw new Error('one scenario expected');
    expect(targetRateAt(jump, 0)).toBe(8);
    expect(targetRateAt(jump, 3.9)).toBe(8);
  });
});
