import { createHash } from 'node:crypto';

/** Outcome of one rate-limit check. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Memory bounds of the limiter (the defaults suit the reference API). */
export interface RateLimiterBounds {
  /** Most keys kept; the least recently used one is dropped beyond it (default 50,000). */
  maxKeys?: number;
  /** Keys longer than this are stored as a SHA-256 digest (default 256 characters). */
  maxKeyLength?: number;
}

/**
 * Sliding-log limiter (docs/rota-api.md §1.6): the first `maxAttempts` attempts within any rolling
 * window pass; denied attempts are not recorded.
 *
 * Memory is bounded whatever clients send: keys embed the client's `X-Forwarded-For` (trusted,
 * as the original does), so a long key is stored as its digest, at most `maxKeys` keys are
 * kept (least recently used dropped first) and keys whose attempts all left the window are
 * swept once per window (`sweep`, also run from a timer by the app). Unique 8–15 KB header
 * values used to grow the process by hundreds of MB that stayed.
 */
export class SlidingLogRateLimiter {
  // Insertion order is last-use order: a hit moves its key to the end.
  readonly #log = new Map<string, number[]>();
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #maxKeyLength: number;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxAttempts: number,
    windowSeconds: number,
    bounds: RateLimiterBounds = {},
  ) {
    this.#windowMs = windowSeconds * 1000;
    this.#maxKeys = bounds.maxKeys ?? 50_000;
    this.#maxKeyLength = bounds.maxKeyLength ?? 256;
  }

  /** Records an attempt for `key` at `nowMs` unless the key is over its limit. */
  hit(key: string, nowMs: number): RateLimitDecision {
    if (nowMs - this.#lastSweep >= this.#windowMs) this.sweep(nowMs);
    const id = this.#storedKey(key);
    const cutoff = nowMs - this.#windowMs;
    const stamps = (this.#log.get(id) ?? []).filter((t) => t > cutoff);
    if (stamps.length >= this.maxAttempts) {
      this.#remember(id, stamps);
      const oldest = stamps[0] ?? nowMs;
      const retry = Math.ceil((oldest + this.#windowMs - nowMs) / 1000);
      return { allowed: false, retryAfterSeconds: Math.max(1, retry) };
    }
    stamps.push(nowMs);
    this.#remember(id, stamps);
    return { allowed: true };
  }

  /** Drops every key whose attempts have all left the window. */
  sweep(nowMs: number): void {
    this.#lastSweep = nowMs;
    const cutoff = nowMs - this.#windowMs;
    for (const [key, stamps] of this.#log) {
      if ((stamps[stamps.length - 1] ?? 0) <= cutoff) this.#log.delete(key);
    }
  }

  /** How many keys are stored. */
  get size(): number {
    return this.#log.size;
  }

  /** The stored keys (digests for long ones), least recently used first. */
  keys(): IterableIterator<string> {
    return this.#log.keys();
  }

  #storedKey(key: string): string {
    if (key.length <= this.#maxKeyLength) return key;
    // Keys are "<scope>:<identity>:<client>", so a digest ("#…") cannot equal a plain key.
    return `#${createHash('sha256').update(key).digest('base64url')}`;
  }

  #remember(id: string, stamps: number[]): void {
    this.#log.delete(id);
    this.#log.set(id, stamps);
    if (this.#log.size <= this.#maxKeys) return;
    const oldest = this.#log.keys().next();
    if (!oldest.done) this.#log.delete(oldest.value);
  }
}
