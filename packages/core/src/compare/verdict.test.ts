import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGE_RULE, verdictOf } from './verdict.js';

const enough = { baselineSamples: 20, candidateSamples: 20 };

describe('verdictOf', () => {
  it('calls a significant change above the floor slower or faster', () => {
    const rule = DEFAULT_CHANGE_RULE;
    expect(verdictOf({ ...enough, medianChangeRelativeToRun: 0.3, adjustedP: 0.001 }, rule)).toBe(
      'slower',
    );
    expect(verdictOf({ ...enough, medianChangeRelativeToRun: -0.3, adjustedP: 0.001 }, rule)).toBe(
      'faster',
    );
  });

  it('calls a significant change below the practical floor no change (machine noise)', () => {
    const rule = { ...DEFAULT_CHANGE_RULE, minRelativeChange: 0.1 };
    expect(verdictOf({ ...enough, medianChangeRelativeToRun: 0.04, adjustedP: 1e-9 }, rule)).toBe(
      'no_significant_change',
    );
  });

  it('calls a large change that is not significant no change', () => {
    expect(
      verdictOf({ ...enough, medianChangeRelativeToRun: 0.5, adjustedP: 0.2 }, DEFAULT_CHANGE_RULE),
    ).toBe('no_significant_change');
  });

  it('judges the change relative to the run: a slowed endpoint on a machine that sped up', () => {
    // The run drifted 20 % faster; this endpoint is 10 % slower raw, 37 % relative to the run.
    const slowed = { ...enough, medianChangeRelativeToRun: 0.37, adjustedP: 1e-6 };
    expect(verdictOf(slowed, DEFAULT_CHANGE_RULE)).toBe('slower');
    // Below the default floor of 25 %: no change, however small the p-value.
    const small = { ...enough, medianChangeRelativeToRun: 0.15, adjustedP: 1e-9 };
    expect(verdictOf(small, DEFAULT_CHANGE_RULE)).toBe('no_significant_change');
  });

  it('the floor is on the ratio: the mirror of 30 % slower (23 % faster) is a change too', () => {
    const faster = { ...enough, medianChangeRelativeToRun: 1 / 1.3 - 1, adjustedP: 1e-6 };
    expect(verdictOf(faster, DEFAULT_CHANGE_RULE)).toBe('faster');
    const notQuite = { ...enough, medianChangeRelativeToRun: -0.19, adjustedP: 1e-6 };
    expect(verdictOf(notQuite, DEFAULT_CHANGE_RULE)).toBe('no_significant_change');
  });

  it('says when either side has too few values', () => {
    const few = {
      baselineSamples: 20,
      candidateSamples: 3,
      medianChangeRelativeToRun: 0.5,
      adjustedP: 0.001,
    };
    expect(verdictOf(few, DEFAULT_CHANGE_RULE)).toBe('not_enough_data');
  });
});
