import type { SweepLevel, SweepResult } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { formatSweepSummary } from './sweep.js';

function level(targetRps: number, requests: number | null, failures: number | null): SweepLevel {
  const stepSeconds = 30;
  const failureRate = requests && failures !== null ? failures / requests : null;
  const passed = failureRate !== null && failureRate <= 0.01;
  return {
    scenario: `probe_${targetRps}`,
    targetRps,
    achievedRps: requests === null ? null : requests / stepSeconds,
    requests,
    failures,
    failureRate,
    p95Ms: requests === null ? null : targetRps * 1.5,
    p99Ms: null,
    droppedIterations: targetRps >= 30 ? 4 : 0,
    passed,
    reason: passed
      ? null
      : requests === null
        ? 'sub-metrics missing'
        : 'system failing: failure rate above tolerance',
    cause: passed ? null : requests === null ? 'no_data' : 'system_failing',
    maxVUs: 100,
    meanLatencyMs: requests === null ? null : targetRps,
    concurrency: requests === null ? null : (requests / stepSeconds) * (targetRps / 1000),
    requiredConcurrency: requests === null ? null : targetRps * (targetRps / 1000),
    generatorCpuPercent: requests === null ? null : 20 + targetRps,
    eventLoopLagMs: requests === null ? null : 3,
    startLagMs: requests === null ? null : 1.5,
  };
}

function sweep(levels: SweepLevel[], over: Partial<SweepResult> = {}): SweepResult {
  const passing = levels.filter((l) => l.passed).map((l) => l.targetRps);
  return {
    kind: 'rps_probe',
    minTargetRps: 10,
    maxTargetRps: 30,
    stepRps: 10,
    failureTolerance: 0.01,
    p95SloMs: 500,
    levels,
    highestPassingTarget: passing.length ? Math.max(...passing) : null,
    unstable: false,
    generatorSaturated: false,
    limitedBy: null,
    totalDurationSeconds: 105,
    ...over,
  };
}

describe('formatSweepSummary', () => {
  it('shows the range, the verdict and one row per level with the best one marked', () => {
    const levels = [level(10, 300, 0), level(20, 600, 3), level(30, 900, 90)];
    const text = formatSweepSummary(sweep(levels));
    const lines = text.split('\n');
    expect(lines[0]).toBe('========== RPS Probe Summary ==========');
    expect(text).toContain('Target range: 10-30 RPS (step 10)');
    expect(text).toContain('Failure tolerance: 1.00%');
    expect(text).toContain('Highest passing target: 20 RPS');
    const best = lines.find((l) => l.startsWith('*')) as string;
    expect(best).toContain('probe_20');
    expect(best).toContain((600 / 30).toFixed(2));
    expect(best).toContain(`${((3 / 600) * 100).toFixed(2)}%`);
    expect(best).toContain('PASS');
    const failing = lines.find((l) => l.includes('probe_30')) as string;
    expect(failing).toContain('FAIL');
    expect(failing).toContain('failure rate above tolerance');
    expect(text).toContain('Total duration: 105.00s');
    expect(text).not.toContain('floor');
    expect(text).not.toContain('\u001b[');
  });

  it('says none when every level failed and shows missing sub-metrics as missing', () => {
    const text = formatSweepSummary(sweep([level(10, null, null), level(20, 100, 50)]));
    expect(text).toContain('Highest passing target: none (all targets failed)');
    const row = text.split('\n').find((l) => l.includes('probe_10')) as string;
    expect(row.match(/missing/g)?.length).toBeGreaterThanOrEqual(2);
    expect(row).toContain('n/a');
    expect(row).not.toMatch(/\s0\.00\s/);
  });

  it("shows each level's VUs (busy/needed/max) and the generator's CPU, loop lag and start lag", () => {
    const text = formatSweepSummary(sweep([level(10, 300, 0), level(20, null, null)]));
    const header = text.split('\n').find((l) => l.includes('Scenario')) as string;
    expect(header).toMatch(
      /Dropped\s+VUs busy\/need\/max\s+Gen CPU\s+Loop lag \(ms\)\s+Start lag \(ms\)\s+Result/,
    );
    const row = text.split('\n').find((l) => l.includes('probe_10')) as string;
    // 10 RPS × 10 ms = 0.1 VU busy and needed, of 100; CPU 30%, loop lag 3 ms, start lag 1.5 ms.
    expect(row).toMatch(/\s0\/0\/100\s+30%\s+3\.0\s+1\.5\s+PASS/);
    const missing = text.split('\n').find((l) => l.includes('probe_20')) as string;
    expect(missing).toMatch(/n\/a\/n\/a\/100\s+n\/a\s+n\/a\s+n\/a\s+FAIL/);
  });

  it("says what held the first failing level back, with that level's reason", () => {
    const pool = {
      ...level(30, 900, 0),
      passed: false,
      reason:
        'system slowed until the VU pool ran out: …; raise MAX_VUS to find the real failure point',
      cause: 'vu_pool_exhausted' as const,
    };
    const text = formatSweepSummary(
      sweep([level(10, 300, 0), level(20, 600, 0), pool], { limitedBy: 'vu_pool_exhausted' }),
    );
    expect(text).toContain(
      'Limited by: system slowed until the VU pool ran out at 30 RPS. Above it the system under test slowed down',
    );
    expect(text).toContain('30 RPS: system slowed until the VU pool ran out: …; raise MAX_VUS');
    expect(text).not.toContain('floor');
    const generator = formatSweepSummary(
      sweep([level(10, 300, 0), { ...pool, cause: 'generator_saturated' as const }], {
        limitedBy: 'generator_saturated',
        generatorSaturated: true,
      }),
    );
    expect(generator).toContain('Limited by: load generator saturated at 30 RPS.');
    expect(generator).toContain('the figure is a floor, not the ceiling of the system under test');
  });

  it('states clearly when the generator saturated (the figure is a floor) and when unstable', () => {
    const levels = [level(10, 300, 0), level(20, 600, 0)];
    const text = formatSweepSummary(sweep(levels, { generatorSaturated: true, unstable: true }), {
      color: true,
    });
    expect(text).toContain('the figure above is a floor');
    expect(text).toContain('Unstable');
    expect(text).toContain('\u001b[');
  });
});

describe('the progress probe summary', () => {
  it('has its own title', () => {
    const result = sweep([level(10, 300, 0)], {
      kind: 'progress_probe',
      totalDurationSeconds: null,
    });
    expect(formatSweepSummary(result).split('\n')[0]).toBe('========== Progress Probe ==========');
  });
});
