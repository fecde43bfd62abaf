/** Outcome of one rate-limit check. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-log limiter (contract §1.6): the first `maxAttempts` attempts within any rolling
 * window pass; denied attempts are not recorded.
 */
export class SlidingLogRateLimiter {
  readonly #log = new Map<string, number[]>();
  readonly #windowMs: number;
  #checks = 0;

  constructor(
    private readonly maxAttempts: number,
    windowSeconds: number,
  ) {
    this.#windowMs = windowSeconds * 1000;
  }

  /** Records an attempt for `key` at `nowMs` unless the key is over its limit. */
  hit(key: string, nowMs: number): RateLimitDecision {
    this.#maybeSweep(nowMs);
    const cutoff = nowMs - this.#windowMs;
    const stamps = (this.#log.get(key) ?? []).filter((t) => t > cutoff);
    if (stamps.length >= this.maxAttempts) {
      this.#log.set(key, stamps);
      const oldest = stamps[0] ?? nowMs;
      const retry = Math.ceil((oldest + this.#windowMs - nowMs) / 1000);
      return { allowed: false, retryAfterSeconds: Math.max(1, retry) };
    }
    stamps.push(nowMs);
    this.#log.set(key, stamps);
    return { allowed: true };
  }

  // Keeps memory bounded when many distinct identities hit the limiter (e.g. registrations).
  #maybeSweep(nowMs: number) {
    this.#checks += 1;
    if (this.#checks % 1000 !== 0) return;
    const cutoff = nowMs - this.#windowMs;
    for (const [key, stamps] of this.#log) {
      if ((stamps[stamps.length - 1] ?? 0) <= cutoff) this.#log.delete(key);
    }
  }
}
