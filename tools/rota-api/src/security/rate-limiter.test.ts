import { describe, expect, it } from 'vitest';
import { SlidingLogRateLimiter } from './rate-limiter.js';

describe('SlidingLogRateLimiter', () => {
  it('allows max attempts per rolling window, does not record denials, computes Retry-After', () => {
    const max = 3;
    const windowSeconds = 10;
    const limiter = new SlidingLogRateLimiter(max, windowSeconds);
    const t0 = 1_000_000;
    for (let i = 0; i < max; i += 1) expect(limiter.hit('k', t0 + i * 1000).allowed).toBe(true);
    const denied = limiter.hit('k', t0 + 2500);
    expect(denied).toEqual({
      allowed: false,
      retryAfterSeconds: Math.ceil((t0 + windowSeconds * 1000 - (t0 + 2500)) / 1000),
    });
    // Other keys are independent.
    expect(limiter.hit('other', t0 + 2500).allowed).toBe(true);
    // At exactly oldest + window the oldest stamp drops out (<= cutoff is dropped).
    expect(limiter.hit('k', t0 + windowSeconds * 1000).allowed).toBe(true);
    expect(limiter.hit('k', t0 + windowSeconds * 1000 + 1).allowed).toBe(false);
  });

  it('never answers a Retry-After below 1 second', () => {
    const limiter = new SlidingLogRateLimiter(1, 1);
    expect(limiter.hit('k', 0).allowed).toBe(true);
    const denied = limiter.hit('k', 999.9);
    expect(denied.allowed === false && denied.retryAfterSeconds).toBe(1);
  });
});
