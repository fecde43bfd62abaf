import { describe, expect, it } from 'vitest';
import { thinSamples } from './thin.js';

describe('thinSamples', () => {
  it('keeps short series as they are', () => {
    const s = [{ rssBytes: 1 }, { rssBytes: 2 }];
    expect(thinSamples(s, 10)).toEqual(s);
  });

  it('keeps one point per bucket, the peak, so spikes survive', () => {
    const samples = Array.from({ length: 10_000 }, (_, i) => ({ i, rssBytes: i % 100 }));
    samples[4321] = { i: 4321, rssBytes: 1e9 };
    const thin = thinSamples(samples, 500);
    expect(thin).toHaveLength(500);
    expect(thin.some((s) => s.rssBytes === 1e9)).toBe(true);
    // Points stay in time order.
    for (let k = 1; k < thin.length; k++) {
      expect((thin[k] as { i: number }).i).toBeGreaterThan((thin[k - 1] as { i: number }).i);
    }
  });
});
