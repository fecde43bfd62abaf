import { describe, expect, it } from 'vitest';
import { leastSquaresSlope, mean, quantile, safeRatio, stddev } from './stats.js';

describe('quantile', () => {
  it('interpolates linearly between closest ranks', () => {
    const values = [40, 10, 30, 20];
    // sorted 10,20,30,40; position = 3 * q
    expect(quantile(values, 0)).toBe(10);
    expect(quantile(values, 1)).toBe(40);
    expect(quantile(values, 0.5)).toBe(20 + (30 - 20) * 0.5);
    expect(quantile(values, 0.95)).toBeCloseTo(30 + (40 - 30) * (3 * 0.95 - 2), 10);
    expect(values).toEqual([40, 10, 30, 20]);
  });

  it('accepts pre-sorted input, clamps q and returns NaN for empty input', () => {
    expect(quantile([1, 2, 3], 0.5, true)).toBe(2);
    expect(quantile([1, 2, 3], 2)).toBe(3);
    expect(quantile([1, 2, 3], -1)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([7], 0.99)).toBe(7);
  });
});

describe('mean, stddev, slope, safeRatio', () => {
  it('computes mean and population standard deviation', () => {
    const v = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(v)).toBe(m);
    expect(stddev(v)).toBeCloseTo(
      Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length),
      12,
    );
    expect(mean([])).toBeNaN();
    expect(stddev([])).toBeNaN();
  });

  it('fits a least-squares slope', () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = xs.map((x) => 3 * x + 7);
    expect(leastSquaresSlope(xs, ys)).toBeCloseTo(3, 12);
    expect(leastSquaresSlope([1], [1])).toBeNaN();
    expect(leastSquaresSlope([2, 2, 2], [1, 2, 3])).toBeNaN();
  });

  it('returns 0 for a zero or non-finite ratio', () => {
    expect(safeRatio(10, 4)).toBe(2.5);
    expect(safeRatio(10, 0)).toBe(0);
    expect(safeRatio(Number.POSITIVE_INFINITY, 1)).toBe(0);
  });
});
