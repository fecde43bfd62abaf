import { describe, expect, it } from 'vitest';
import { levelRunPhaseName, levelScenarioName, recordedLevelOf } from './level-names.js';

describe('recordedLevelOf', () => {
  it("knows a step sweep's level and an adaptive level run, by the names the writers build", () => {
    expect(
      recordedLevelOf({ name: levelScenarioName('probe', 50), target_rps: 50 }, 'probe'),
    ).toEqual({ scenario: 'probe_50', rate: 50, searchPhase: null });
    for (const phase of ['step', 'bisect', 'confirm', 'step-down'] as const) {
      const name = levelRunPhaseName(phase, 45);
      expect(recordedLevelOf({ name, target_rps: 45 }, 'probe')).toEqual({
        scenario: 'probe_45',
        rate: 45,
        searchPhase: phase,
      });
    }
    expect(levelRunPhaseName('confirm', 45)).toBe('confirm 45 RPS');
  });

  it('is null for any other phase: warm-up, plateau, an interrupted level, another rate', () => {
    expect(recordedLevelOf({ name: 'warmup', target_rps: 10 }, 'probe')).toBeNull();
    expect(recordedLevelOf({ name: 'plateau', target_rps: 10 }, 'probe')).toBeNull();
    expect(recordedLevelOf({ name: 'probe_10' }, 'probe')).toBeNull();
    expect(recordedLevelOf({ name: 'progress_10', target_rps: 10 }, 'probe')).toBeNull();
    expect(recordedLevelOf({ name: 'step 20 RPS', target_rps: 10 }, 'probe')).toBeNull();
    const cut = levelRunPhaseName('interrupted', 40);
    expect(recordedLevelOf({ name: cut, target_rps: 40 }, 'probe')).toBeNull();
  });
});
