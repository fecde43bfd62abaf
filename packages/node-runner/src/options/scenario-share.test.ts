import { describe, expect, it } from 'vitest';
import { type ScenarioShare, shareScenario } from './scenario-share.js';
import { normalizeScenario } from './scenarios.js';
import { parseSegmentSequence } from './segment.js';
import { SegmentSplit, Share } from './striping.js';

/** The shares of every instance of a sequence, for one scenario. */
function shares(points: string, raw: Record<string, unknown>): ScenarioShare[] {
  const split = new SegmentSplit(parseSegmentSequence(points));
  const cfg = normalizeScenario('s', raw);
  return split.segments.map((_, i) => shareScenario(cfg, new Share(split, i)));
}
const pick = <K extends keyof ScenarioShare>(list: ScenarioShare[], key: K) =>
  list.map((s) => s[key]);
const THIRDS = '0,1/3,2/3,1';

describe('shareScenario (what an instance owns of each executor)', () => {
  it('splits arrival-rate VUs by the instance share and the slots along maxVUs', () => {
    // The scenarios of test-data/k6-golden/03-arrival-schedule.js.
    const constant = shares(THIRDS, {
      executor: 'constant-arrival-rate',
      rate: 10,
      duration: '2s',
      preAllocatedVUs: 5,
    });
    expect(pick(constant, 'initialVus')).toEqual([2, 2, 1]);
    expect(pick(constant, 'maxVus')).toEqual([2, 2, 1]);
    expect(constant.map((s) => s.iterationShare.split.toString())).toEqual(
      Array(3).fill('0,2/5,4/5,1'),
    );
    const ramping = shares(THIRDS, {
      executor: 'ramping-arrival-rate',
      preAllocatedVUs: 5,
      maxVUs: 10,
      stages: [{ duration: '2s', target: 20 }],
    });
    expect(pick(ramping, 'initialVus')).toEqual([2, 2, 1]);
    expect(pick(ramping, 'maxVus')).toEqual([4, 3, 3]);
    const perMinute = shares(THIRDS, {
      executor: 'constant-arrival-rate',
      rate: 120,
      timeUnit: '1m',
      duration: '2s',
      preAllocatedVUs: 2,
    });
    expect(pick(perMinute, 'hasWork')).toEqual([true, true, false]);
    expect(pick(perMinute, 'initialVus')).toEqual([1, 1, 0]);
  });

  it('cuts shared-iterations along the VUs (7 VUs, 20 iterations over 1/4 and 3/4)', () => {
    const list = shares('0,1/4,1', { executor: 'shared-iterations', vus: 7, iterations: 20 });
    expect(pick(list, 'initialVus')).toEqual([2, 5]);
    expect(pick(list, 'iterations')).toEqual([6, 14]);
  });

  it('gives constant-vus and per-vu-iterations a part of the VUs, each VU its full work', () => {
    const vus = shares('0,1/4,1', { executor: 'constant-vus', vus: 7, duration: '1s' });
    expect(pick(vus, 'initialVus')).toEqual([2, 5]);
    const perVu = shares(THIRDS, { executor: 'per-vu-iterations', vus: 1, iterations: 3 });
    expect(pick(perVu, 'initialVus')).toEqual([1, 0, 0]);
    expect(pick(perVu, 'iterations')).toEqual([3, 3, 3]);
    expect(pick(perVu, 'hasWork')).toEqual([true, false, false]);
  });

  it("scales ramping-vus targets so the instances' VUs add up to the test's at every moment", () => {
    const list = shares(THIRDS, {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [{ duration: '10s', target: 10 }],
    });
    expect(pick(list, 'maxVus')).toEqual([4, 3, 3]);
    for (let n = 0; n <= 10; n++) {
      expect(list.map((s) => s.vusOf(n)).reduce((a, b) => a + b, 0)).toBe(n);
    }
    // The first VU of the test is instance 1's, the second instance 2's, the third instance 3's.
    expect([1, 2, 3].map((n) => list.map((s) => s.vusOf(n)))).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });
});
