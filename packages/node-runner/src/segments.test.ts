import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  consoleMessages,
  envArgs,
  fixturesDir,
  type RunOutput,
  runBin,
  segmentArgs,
} from './test-support/harness.js';

// VU-based executors split unevenly (a quarter and three quarters of 7 VUs), through the bin:
// what each instance runs and what __VU and k6/execution report in it.

interface Iter {
  vu: number;
  idInInstance: number;
  idInTest: number;
  inInstance: number;
  inTest: number;
  initialized: number;
}
interface Instance {
  out: RunOutput;
  iters: Iter[];
  summary: { iterations: number };
}

const script = resolve(fixturesDir, 'segments.js');
const SEGMENTS = ['0:1/4', '1/4:1'];

async function runSegment(scenario: string, segment: string): Promise<Instance> {
  const out = await runBin([
    'run',
    '-q',
    ...envArgs({ SCENARIO: scenario }),
    ...segmentArgs(segment, '0,1/4,1'),
    script,
  ]);
  const iters = consoleMessages(out.stderr)
    .filter((m) => m.startsWith('ITER '))
    .map((m) => {
      const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(m)?.[1]);
      return {
        vu: field('vu'),
        idInInstance: field('idInInstance'),
        idInTest: field('idInTest'),
        inInstance: field('inInstance'),
        inTest: field('inTest'),
        initialized: field('initialized'),
      };
    });
  return { out, iters, summary: JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') };
}

const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The test-wide numbers of the iterations both instances ran, together (repeats kept), in order. */
const inTestOfBoth = (quarter?: Instance, rest?: Instance) =>
  [...(quarter?.iters ?? []), ...(rest?.iters ?? [])].map((i) => i.inTest).sort((a, b) => a - b);

describe('VU-based executors in execution segments (0,1/4,1 with 7 VUs)', () => {
  const runs: Record<string, Instance[]> = {};
  beforeAll(async () => {
    const scenarios = ['shared', 'pervu', 'ramping'];
    const all = await Promise.all(
      scenarios.flatMap((sc) => SEGMENTS.map((seg) => runSegment(sc, seg))),
    );
    for (const [i, sc] of scenarios.entries()) runs[sc] = all.slice(i * 2, i * 2 + 2);
  }, 30_000);

  it('numbers VUs 1, 2 … in the instance (__VU) and by the stripe in the test', () => {
    const [quarter, rest] = runs.shared as Instance[];
    for (const inst of [quarter, rest] as Instance[]) {
      expect(inst.out.code).toBe(0);
      for (const it of inst.iters) expect(it.vu).toBe(it.idInInstance);
    }
    expect(sorted(quarter?.iters.map((i) => i.vu) ?? [])).toEqual([1, 2]);
    expect(sorted(quarter?.iters.map((i) => i.idInTest) ?? [])).toEqual([2, 6]);
    expect(sorted(rest?.iters.map((i) => i.vu) ?? [])).toEqual([1, 2, 3, 4, 5]);
    expect(sorted(rest?.iters.map((i) => i.idInTest) ?? [])).toEqual([1, 3, 4, 5, 7]);
    // A VU keeps its numbers: __VU 2 of the quarter is VU 6 of the test.
    expect(quarter?.iters.filter((i) => i.vu === 2).every((i) => i.idInTest === 6)).toBe(true);
    expect([quarter?.iters[0]?.initialized, rest?.iters[0]?.initialized]).toEqual([2, 5]);
  });

  it('shared-iterations: 20 iterations cut along the VUs as 6 and 14, numbered by their stripes', () => {
    const [quarter, rest] = runs.shared as Instance[];
    expect([quarter?.summary.iterations, rest?.summary.iterations]).toEqual([6, 14]);
    expect(sorted(quarter?.iters.map((i) => i.inTest) ?? [])).toEqual([1, 4, 8, 11, 15, 18]);
    expect(sorted(quarter?.iters.map((i) => i.inInstance) ?? [])).toEqual(range(6));
    expect(sorted(rest?.iters.map((i) => i.inInstance) ?? [])).toEqual(range(14));
    expect(inTestOfBoth(quarter, rest)).toEqual(range(20));
  });

  it('per-vu-iterations: each of its VUs does all 2 iterations; together the 14 of the test', () => {
    const [quarter, rest] = runs.pervu as Instance[];
    expect([quarter?.summary.iterations, rest?.summary.iterations]).toEqual([4, 10]);
    expect([quarter?.iters[0]?.initialized, rest?.iters[0]?.initialized]).toEqual([2, 5]);
    // Iterations are numbered by the instance's stripe of the test (a quarter: 1, 5, 9, 13).
    expect(sorted(quarter?.iters.map((i) => i.inTest) ?? [])).toEqual([1, 5, 9, 13]);
    expect(inTestOfBoth(quarter, rest)).toEqual(range(14));
  });

  it("ramping-vus: the instances' VUs add up to the stage target (1 + 3 of 4)", () => {
    const [quarter, rest] = runs.ramping as Instance[];
    expect([quarter?.out.code, rest?.out.code]).toEqual([0, 0]);
    expect([quarter?.iters[0]?.initialized, rest?.iters[0]?.initialized]).toEqual([1, 3]);
    expect(sorted(quarter?.iters.map((i) => i.idInTest) ?? [])).toEqual([2]);
    expect(sorted(rest?.iters.map((i) => i.idInTest) ?? [])).toEqual([1, 3, 4]);
    // Whatever the count, iteration n of the quarter is element n of its stripe (1 of every 4).
    for (const it of quarter?.iters ?? []) expect(it.inTest).toBe(4 * it.inInstance + 1);
    const union = inTestOfBoth(quarter, rest);
    expect(new Set(union).size).toBe(union.length);
  });
});

describe('bad segment settings', () => {
  it("end the run with k6's invalid-config code 104 and one line naming the value", async () => {
    const bad = await Promise.all([
      runBin(['run', '-q', '--execution-segment', '2/3:1/3', script]),
      runBin(['run', '-q', ...segmentArgs('1/4:1/2', '0,1/3,2/3,1'), script]),
    ]);
    expect(bad.map((r) => r.code)).toEqual([104, 104]);
    expect(bad.map((r) => r.stderr)).toEqual([
      'invalid --execution-segment "2/3:1/3": the segment start (2/3) must be less than its end (1/3) (expected from:to within 0..1, e.g. 0:1/3, 1/3:2/3, 0.5:1, 50%:100%)\n',
      '--execution-segment "1/4:1/2" is not a segment of --execution-segment-sequence "0,1/3,2/3,1" (expected one of 0:1/3, 1/3:2/3, 2/3:1)\n',
    ]);
    expect(bad.map((r) => r.stdout)).toEqual(['', '']);
  });
});
