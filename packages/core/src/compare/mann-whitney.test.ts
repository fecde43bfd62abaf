import { describe, expect, it } from 'vitest';
import { holmAdjust, mannWhitneyU, twoSidedNormalP } from './mann-whitney.js';

// Reference values: scipy.stats.mannwhitneyu 1.17 (two-sided), computed once and written here.
describe('mannWhitneyU', () => {
  it('matches the textbook example exactly (Conover: U = 17, p = 1/9)', () => {
    const males = [19, 22, 16, 29, 24];
    const females = [20, 11, 17, 12];
    const result = mannWhitneyU(males, females);
    expect(result).toMatchObject({ u: 17, n1: 5, n2: 4, method: 'exact' });
    expect(result.pValue).toBeCloseTo(0.1111111111, 9);
    // U of the other sample is n1·n2 − U; the two-sided p is the same.
    expect(mannWhitneyU(females, males).u).toBe(3);
    expect(mannWhitneyU(females, males).pValue).toBeCloseTo(0.1111111111, 9);
  });

  it('exact p for interleaved samples (U = 22, p = 0.5303)', () => {
    const result = mannWhitneyU([3, 5, 8, 9, 12], [1, 2, 4, 6, 7, 10, 11]);
    expect(result.u).toBe(22);
    expect(result.pValue).toBeCloseTo(0.5303030303, 8);
  });

  it('uses the normal approximation with tie and continuity corrections when values tie', () => {
    const a = [1.1, 2.2, 3.3, 3.3, 4.5, 5.0, 6.1, 7.2];
    const b = [3.3, 4.4, 5.0, 6.6, 7.7, 8.8, 9.9, 10.1, 11.0];
    const result = mannWhitneyU(a, b);
    expect(result).toMatchObject({ u: 12.5, method: 'normal' });
    expect(result.pValue).toBeCloseTo(0.026419587880975662, 6);
  });

  it('keeps the relative precision of tiny p-values (large samples, normal approximation)', () => {
    const a = Array.from({ length: 40 }, (_, i) => i + 1);
    const b = a.map((v) => v + 25.5);
    const result = mannWhitneyU(a, b);
    expect(result.method).toBe('normal');
    expect(result.u).toBe(105);
    expect(result.pValue / 2.3437242136214035e-11).toBeCloseTo(1, 5);
  });

  it('detects a shifted distribution and not an identical one', () => {
    // A deterministic spread (no randomness in a unit test): 30 values around 10 ms.
    const base = Array.from({ length: 30 }, (_, i) => 10 + ((i * 7) % 30) / 10);
    expect(mannWhitneyU(base, [...base]).pValue).toBe(1);
    // 30 % slower and 30 % faster.
    for (const factor of [1.3, 0.7]) {
      const shifted = base.map((v) => v * factor);
      expect(mannWhitneyU(base, shifted).pValue, `× ${factor}`).toBeLessThan(1e-6);
    }
  });

  it('returns p = 1 when there is nothing to test', () => {
    expect(mannWhitneyU([], [1, 2]).pValue).toBe(1);
    expect(mannWhitneyU([0, 0, 0], [0, 0, 0, 0]).pValue).toBe(1);
  });
});

describe('twoSidedNormalP', () => {
  it('gives the familiar tail areas', () => {
    expect(twoSidedNormalP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedNormalP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedNormalP(0)).toBeCloseTo(1, 6);
  });
});

describe('holmAdjust', () => {
  it('multiplies the sorted p-values by m, m−1, … and keeps them monotone', () => {
    // Sorted 0.01, 0.03, 0.04, 0.5 (m = 4): 0.01·4 = 0.04, 0.03·3 = 0.09, 0.04·2 = 0.08 → raised
    // to 0.09 (monotone), 0.5·1 = 0.5.
    const adjusted = holmAdjust([0.04, 0.01, 0.5, 0.03]) as number[];
    for (const [i, want] of [0.09, 0.04, 0.5, 0.09].entries()) {
      expect(adjusted[i]).toBeCloseTo(want, 12);
    }
  });

  it('leaves rows without a test out of the family and caps at 1', () => {
    const adjusted = holmAdjust([0.3, null, 0.6]);
    expect(adjusted[1]).toBeNull();
    expect(adjusted[0]).toBeCloseTo(0.6, 12);
    expect(adjusted[2]).toBeCloseTo(0.6, 12);
    expect(holmAdjust([0.9, 0.8])).toEqual([1, 1]);
  });
});
