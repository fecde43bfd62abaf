import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ArrivalStart,
  arrivalStarts,
  goldenPath,
  type RunOutput,
  readGolden,
  runBin,
} from './test-support/harness.js';

type Start = ArrivalStart;

describe('03-arrival-schedule (when arrival-rate iterations start)', () => {
  let result: RunOutput;
  let ours: Start[];
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
  beforeAll(async () => {
    result = await runBin(['run', '--quiet', goldenPath('03-arrival-schedule.js')]);
    const starts = arrivalStarts(result.stderr);
    // Align on the second start: the very first iteration of a process pays for warm-up.
    const shift = (starts[1]?.at ?? 0) - (golden[1]?.at ?? 0);
    ours = starts.map((s) => ({ ...s, at: s.at - shift }));
  });

  it('starts the same iterations on the same VUs', () => {
    expect(result.code).toBe(0);
    expect(ours.map(({ scenario, vu, iteration }) => ({ scenario, vu, iteration }))).toEqual(
      golden.map(({ scenario, vu, iteration }) => ({ scenario, vu, iteration })),
    );
  });

  it('starts iterations when k6 did (integral-of-rate ramp, startTime offsets)', () => {
    const off = ours.map((s, i) => Math.abs(s.at - (golden[i]?.at ?? 0)));
    // Other test processes share the CPUs: allow a few late starts, never a wrong schedule.
    expect(off.filter((d) => d > 40).length).toBeLessThanOrEqual(3);
    expect(Math.max(...off)).toBeLessThan(200);
  });

  it('reports the summary values of the recording', () => {
    const summary = JSON.parse(result.stdout.trim().split('\n').pop() as string);
    expect(summary.iterations.count).toBe(golden.length);
    expect(summary.dropped).toBeNull();
    expect(summary.vus_max.value).toBe(Math.max(...golden.map((s) => s.vu)));
  });
});
