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
        : 'failure rate above tolerance',
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
