import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ArrivalStart,
  arrivalStarts,
  goldenPath,
  type RunOutput,
  readGolden,
  runBin,
  segmentArgs,
} from './test-support/harness.js';

// 03-arrival-schedule.js (when arrival-rate iterations start) against the recordings of the
// real k6: run whole (03-arrival-schedule.out), and split over three instances as k6-operator
// splits a test (07-segment-*.out), the three together also against one whole run of our own.

type Start = ArrivalStart;
interface Summary {
  iterations: { count: number };
  dropped: unknown;
  vus_max: { value: number };
  testRunDurationMs: number;
}

const SEQUENCE = '0,1/3,2/3,1';
const INSTANCES = [
  { segment: '0:1/3', recording: '07-segment-0-1_3.out' },
  { segment: '1/3:2/3', recording: '07-segment-1_3-2_3.out' },
  { segment: '2/3:1', recording: '07-segment-2_3-1.out' },
];
const script = goldenPath('03-arrival-schedule.js');

const summaryOf = (text: string) => JSON.parse(text.trim().split('\n').pop() as string) as Summary;
const key = (s: Start) => `${s.scenario}#${s.iteration}`;
const ids = (starts: Start[]) => starts.map(key).sort();
const vusOf = (starts: Start[], scenario?: string) =>
  [...new Set(starts.filter((s) => !scenario || s.scenario === scenario).map((s) => s.vu))].sort(
    (a, b) => a - b,
  );

/**
 * How far each of our starts is from the same iteration's start in `theirs`, both runs
 * aligned on our second start (the very first iteration of a process pays for warm-up).
 */
function offsetErrors(ours: Start[], theirs: Start[]): number[] {
  const at = new Map(theirs.map((s) => [key(s), s.at]));
  const anchor = ours[1] as Start;
  const shift = anchor.at - (at.get(key(anchor)) ?? Number.NaN);
  return ours.map((s) => Math.abs(s.at - shift - (at.get(key(s)) ?? Number.NaN)));
}

/**
 * Our starts are on `theirs`' schedule: other test processes share the CPUs, so a few may be
 * late (one was 203 ms late at a load average of 15), but a wrong schedule would put many starts
 * a period off.
 */
function expectOnSchedule(ours: Start[], theirs: Start[], worstMs: number): void {
  const off = offsetErrors(ours, theirs);
  expect(off.filter((d) => d > 40).length).toBeLessThanOrEqual(3);
  expect(Math.max(...off)).toBeLessThan(worstMs);
}

describe('03-arrival-schedule in one instance', () => {
  // The recording lists `scenario offset_ms vu iteration`, one start a line.
  const golden: Start[] = readGolden('03-arrival-schedule.out')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [scenario, at, vu, iteration] = l.split(' ');
      return {
        scenario: scenario as string,
        at: Number(at),
        vu: Number(vu),
        iteration: Number(iteration),
      };
    });
  let result: RunOutput;
  let starts: Start[];
  beforeAll(async () => {
    result = await runBin(['run', '-q', script]);
    starts = arrivalStarts(result.stderr);
  });

  it('starts the same iterations on the same VUs', () => {
    expect(result.code).toBe(0);
    expect(starts.map(({ scenario, vu, iteration }) => ({ scenario, vu, iteration }))).toEqual(
      golden.map(({ scenario, vu, iteration }) => ({ scenario, vu, iteration })),
    );
  });

  it('starts iterations when k6 did (integral-of-rate ramp, startTime offsets)', () => {
    expectOnSchedule(starts, golden, 200);
  });

  it('reports the summary values of the recording', () => {
    const summary = summaryOf(result.stdout);
    expect(summary.iterations.count).toBe(golden.length);
    expect(summary.dropped).toBeNull();
    expect(summary.vus_max.value).toBe(Math.max(...golden.map((s) => s.vu)));
  });
});

describe('execution segments of 03-arrival-schedule (0,1/3,2/3,1)', () => {
  let segmented: { out: RunOutput; starts: Start[]; recorded: string }[];
  let whole: { out: RunOutput; starts: Start[] };
  beforeAll(async () => {
    const runs = await Promise.all([
      ...INSTANCES.map(({ segment }) =>
        runBin(['run', '-q', ...segmentArgs(segment, SEQUENCE), script]),
      ),
      runBin(['run', '-q', script]),
    ]);
    segmented = INSTANCES.map((inst, i) => {
      const out = runs[i] as RunOutput;
      return {
        out,
        starts: arrivalStarts(out.stderr),
        recorded: readGolden(inst.recording),
      };
    });
    const out = runs[3] as RunOutput;
    whole = { out, starts: arrivalStarts(out.stderr) };
  }, 40_000);

  it.each(INSTANCES.map((inst, i) => [inst.segment, i] as const))(
    '%s starts the iterations k6 started, with its totals (36, 28, 22)',
    (_, i) => {
      const { out, starts, recorded } = segmented[i] as (typeof segmented)[number];
      const k6 = arrivalStarts(recorded);
      expect(out.code).toBe(0);
      expect(ids(starts)).toEqual(ids(k6));
      const ours = summaryOf(out.stdout);
      const theirs = summaryOf(recorded);
      expect(ours.iterations.count).toBe([36, 28, 22][i]);
      expect(ours.iterations.count).toBe(theirs.iterations.count);
      expect(ours.vus_max.value).toBe(theirs.vus_max.value);
      expect(ours.dropped).toBeNull();
      // An arrival-rate scenario lasts its whole duration even when the instance's last slot
      // comes earlier (1/3:2/3 has no slot at 2 s of per_minute): 11 s, 11 s and 8 s.
      expect(Math.abs(ours.testRunDurationMs - theirs.testRunDurationMs)).toBeLessThan(300);
      expectOnSchedule(starts, k6, 400);
    },
  );

  it('numbers VUs in the whole test as k6 does (idInTest from the instance stripe)', () => {
    for (const [i, { starts, recorded }] of segmented.entries()) {
      const k6 = arrivalStarts(recorded);
      expect(vusOf(starts), INSTANCES[i]?.segment).toEqual(vusOf(k6));
      for (const scenario of ['constant', 'ramping', 'per_minute'])
        expect(vusOf(starts, scenario).length).toBe(vusOf(k6, scenario).length);
    }
    // 0:1/3 and 1/3:2/3: the same VU starts each iteration as in the recording.
    for (const { starts, recorded } of segmented.slice(0, 2)) {
      const vu = new Map(arrivalStarts(recorded).map((s) => [key(s), s.vu]));
      expect(starts.map((s) => [key(s), s.vu])).toEqual(
        starts.map((s) => [key(s), vu.get(key(s))]),
      );
    }
    // 2/3:1 owns VUs 3 and 6. k6 initialises an instance's VUs concurrently and the recording
    // caught 6 ready first (constant ran on 6, ramping on 3); here they go in init order.
    const last = segmented[2]?.starts ?? [];
    expect([vusOf(last, 'constant'), vusOf(last, 'ramping')]).toEqual([[3], [6]]);
  });

  it("disables per_minute in 2/3:1 with k6's warning (2 VUs leave that instance none)", () => {
    const warning = `level=warning msg="Executor 'per_minute' is disabled for segment 2/3:1 due to lack of work!"`;
    expect(segmented[2]?.out.stderr).toContain(warning);
    expect(segmented[2]?.recorded).toContain(warning);
    expect(segmented[0]?.out.stderr).not.toContain('disabled for segment');
  });

  it('together starts exactly the iterations of one unsegmented run, each at its time', () => {
    expect(whole.out.code).toBe(0);
    const union = segmented.flatMap((s) => s.starts);
    expect(union.length).toBe(86);
    expect(ids(union)).toEqual(ids(whole.starts));
    expect(new Set(ids(union)).size).toBe(union.length);
    // No iteration was dropped, so iteration n of a scenario is its n-th slot; each instance
    // starts it when the unsegmented run did (relative to each run's own start).
    for (const { starts } of segmented) expectOnSchedule(starts, whole.starts, 400);
    expect(segmented.map((s) => summaryOf(s.out.stdout).dropped)).toEqual([null, null, null]);
  });
});
