import { describe, expect, it } from 'vitest';
import { percentOf, roundPercent } from './round.js';

describe('roundPercent', () => {
  it('rounds exact binary ties to even like Python', () => {
    // 0.125, 0.375 and 2.675 (binary 2.67499…) are the classic Python examples.
    expect(roundPercent(0.125)).toBe(0.12);
    expect(roundPercent(0.375)).toBe(0.38);
    expect(roundPercent(2.675)).toBe(2.67);
  });

  it('rounds non-ties to the nearest hundredth', () => {
    expect(roundPercent(100 / 3)).toBe(33.33);
    expect(roundPercent(200 / 3)).toBe(66.67);
    expect(roundPercent(0.135)).toBe(0.14); // binary value is just above the tie
    expect(roundPercent(99.999)).toBe(100);
    expect(roundPercent(0)).toBe(0);
  });

  it('percentOf is 0 for an empty trail and exact for whole fractions', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(1, 7)).toBe(Number((100 / 7).toFixed(2)));
  });
});
