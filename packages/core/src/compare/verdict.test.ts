import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGE_RULE, verdictOf } from './verdict.js';

const enough = { baselineSamples: 20, candidateSamples: 20 };

describe('verdictOf', () => {
  it('calls a significant change above the floor slower or faster', () => {
    const rule = DEFAULT_CHANGE_RULE;
    expect(verdictOf({ ...enough, medianChange: 0.3, adjustedP: 0.001 }, rule)).toBe('slower');
    expect(verdictOf({ ...enough, medianChange: -0.3, adjustedP: 0.001 }, rule)).toBe('faster');
  });

  it('calls a significant change below the practical floor no change (machine noise)', () => {
    const rule = { ...DEFAULT_CHANGE_RULE, minRelativeChange: 0.1 };
    expect(verdictOf({ ...enough, medianChange: 0.04, adjustedP: 1e-9 }, rule)).toBe(
      'no_significant_change',
    );
  });

  it('calls a large change that is not significant no change', () => {
    expect(verdictOf({ ...enough, medianChange: 0.5, adjustedP: 0.2 }, DEFAULT_CHANGE_RULE)).toBe(
      'no_significant_change',
    );
  });

  it('says when either side has too few values', () => {
    const few = { baselineSamples: 20, candidateSamples: 3, medianChange: 0.5, adjustedP: 0.001 };
    expect(verdictOf(few, DEFAULT_CHANGE_RULE)).toBe('not_enough_data');
  });
});
