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

  it('stays bounded under many unique huge keys: key count, stored key length; still limits', () => {
    const limiter = new SlidingLogRateLimiter(3, 60, { maxKeys: 1000, maxKeyLength: 256 });
    const filler = 'x'.repeat(12_000); // an 8-15 KB X-Forwarded-For, as in issue 16
    const t0 = 5_000_000;
    for (let i = 0; i < 5000; i += 1) {
      expect(limiter.hit(`login:a@example.com:${filler}${i}`, t0 + i).allowed).toBe(true);
    }
    expect(limiter.size).toBe(1000);
    const lengths = [...limiter.keys()].map((k) => k.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(256);
    // A repeated huge key is still limited (its digest is stable).
    const repeated = `login:b@example.com:${filler}`;
    for (let i = 0; i < 3; i += 1) expect(limiter.hit(repeated, t0 + 6000).allowed).toBe(true);
    expect(limiter.hit(repeated, t0 + 6001)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    // Short keys are kept as they are.
    limiter.hit('login:c@example.com:127.0.0.1', t0 + 6002);
    expect([...limiter.keys()]).toContain('login:c@example.com:127.0.0.1');
  });

  it('drops the least recently used key beyond maxKeys', () => {
    const limiter = new SlidingLogRateLimiter(2, 60, { maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.hit(key, 1000);
    limiter.hit('a', 1001); // a is now the most recent
    limiter.hit('d', 1002); // evicts b, the least recently used
    expect([...limiter.keys()]).toEqual(['c', 'a', 'd']);
    expect(limiter.hit('a', 1003)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('sweeps keys whose attempts left the window, on time', () => {
    const limiter = new SlidingLogRateLimiter(5, 10);
    for (let i = 0; i < 100; i += 1) limiter.hit(`k${i}`, 1000 + i);
    expect(limiter.size).toBe(100);
    limiter.sweep(1000 + 10_000 + 50); // k0..k50 have left the 10 s window
    expect(limiter.size).toBe(49);
    // The next hit a window after the last sweep sweeps by itself.
    limiter.hit('late', 1000 + 10_050 + 10_000);
    expect([...limiter.keys()]).toEqual(['late']);
  });
});
