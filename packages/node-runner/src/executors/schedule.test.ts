import { describe, expect, it } from 'vitest';
import { parseSegmentSequence } from '../options/segment.js';
import { SegmentSplit, Share } from '../options/striping.js';
import { constantSchedule, rampingSchedule, rampingVusAt } from './schedule.js';

function drain(s: { next(): number | null }): number[] {
  const out: number[] = [];
  for (let t = s.next(); t !== null; t = s.next()) out.push(t);
  return out;
}

describe('arrival schedules', () => {
  it('constant-arrival-rate starts at 0 and every timeUnit/rate up to the duration', () => {
    const starts = drain(constantSchedule(10, 1000, 2000));
    expect(starts.length).toBe(10 * 2 + 1);
    for (const [k, t] of starts.entries()) expect(t).toBeCloseTo((k * 1000) / 10, 9);
  });

  it('honours timeUnit (120 per minute is one every 500 ms)', () => {
    expect(drain(constantSchedule(120, 60_000, 2000))).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('ramping-arrival-rate places iteration k where the integral of the rate reaches k', () => {
    // 0 → 20/s over 2 s: rate(t) = 10·t per second, integral 5·t², so iteration k starts at √(k/5) s.
    const starts = drain(rampingSchedule(0, 1000, [{ durationMs: 2000, target: 20 }]));
    expect(starts.length).toBe(20);
    for (const [i, t] of starts.entries()) expect(t).toBeCloseTo(Math.sqrt((i + 1) / 5) * 1000, 6);
  });

  it('ramping-arrival-rate holds, ramps down and counts startRate', () => {
    const starts = drain(
      rampingSchedule(2, 1000, [
        { durationMs: 1000, target: 10 },
        { durationMs: 1000, target: 0 },
      ]),
    );
    expect(starts.length).toBe((2 + 10) / 2 + 10 / 2);
    expect(starts.every((t, i) => i === 0 || t > (starts[i - 1] as number))).toBe(true);
    expect(starts.at(-1)).toBeCloseTo(2000, 6);
    const hold = drain(rampingSchedule(20, 1000, [{ durationMs: 1000, target: 20 }]));
    for (const [i, t] of hold.entries()) expect(t).toBeCloseTo(((i + 1) * 1000) / 20, 6);
  });

  it('ramping-vus stops a VU only when the line reaches the number below it (k6 steps)', () => {
    // 10 → 0 over 10 s: VU 10 runs until 1 s, VU 1 until 10 s.
    const down = [{ durationMs: 10_000, target: 0 }];
    expect([0, 500, 999, 1000, 1500, 9000, 9999].map((t) => rampingVusAt(10, down, t))).toEqual([
      10, 10, 10, 9, 9, 1, 1,
    ]);
    const up = [{ durationMs: 10_000, target: 10 }];
    expect([0, 999, 1000, 7000, 9999].map((t) => rampingVusAt(0, up, t))).toEqual([0, 0, 1, 7, 9]);
  });

  it('ramping-vus interpolates linearly between stage targets', () => {
    const stages = [
      { durationMs: 1000, target: 10 },
      { durationMs: 1000, target: 0 },
    ];
    expect([0, 500, 999, 1000, 1500, 2500].map((t) => rampingVusAt(0, stages, t))).toEqual([
      0, 5, 9, 10, 5, 0,
    ]);
  });
});

/** The slot shares of every instance of a sequence, cut along `maxVUs` as k6 cuts them. */
function slotShares(points: string, maxVUs: number): (Share | null)[] {
  const split = new SegmentSplit(parseSegmentSequence(points));
  return split.segments.map((_, i) => new Share(split, i).forValue(maxVUs));
}

describe('arrival schedules of segmented instances', () => {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('constant-arrival-rate: the instances start the stripes of one run, at its times', () => {
    const whole = drain(constantSchedule(10, 1000, 2000));
    const parts = slotShares('0,1/3,2/3,1', 5).map((slots) =>
      drain(constantSchedule(10, 1000, 2000, slots as Share)),
    );
    expect(parts.map((p) => p.map((t) => Math.round(t / 100)))).toEqual([
      [0, 3, 5, 8, 10, 13, 15, 18, 20],
      [1, 4, 6, 9, 11, 14, 16, 19],
      [2, 7, 12, 17],
    ]);
    expect(sorted(parts.flat())).toEqual(whole);
  });

  it('ramping-arrival-rate: the union of the stripes is the whole schedule, none twice', () => {
    const stages = [
      { durationMs: 2000, target: 20 },
      { durationMs: 1000, target: 20 },
      { durationMs: 2000, target: 0 },
    ];
    const whole = drain(rampingSchedule(0, 1000, stages));
    expect(whole.length).toBe(60);
    const parts = slotShares('0,1/3,2/3,1', 10).map((slots) =>
      drain(rampingSchedule(0, 1000, stages, slots as Share)),
    );
    expect(parts.map((p) => p.length)).toEqual([24, 18, 18]);
    expect(sorted(parts.flat())).toEqual(whole);
    // Uneven split: a quarter and three quarters of 7 VUs.
    const uneven = slotShares('0,1/4,1', 7).map((slots) =>
      drain(rampingSchedule(0, 1000, stages, slots as Share)),
    );
    expect(uneven.map((p) => p.length)).toEqual([17, 43]);
    expect(sorted(uneven.flat())).toEqual(whole);
  });

  it('an instance with no VUs in the scenario has no slots (120/min over thirds with 2 VUs)', () => {
    const shares = slotShares('0,1/3,2/3,1', 2);
    expect(shares[2]).toBeNull();
    const parts = shares
      .slice(0, 2)
      .map((s) => drain(constantSchedule(120, 60_000, 2000, s as Share)));
    expect(parts).toEqual([
      [0, 1000, 2000],
      [500, 1500],
    ]);
  });
});
