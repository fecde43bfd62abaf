// Sample times as k6's outputs print them: Go's RFC 3339 with nanoseconds (trailing zeros
// dropped, as time.Time's JSON form does) and Unix seconds.

let cachedSecond = Number.NaN;
let cachedPrefix = '';

/** The wall-clock time of a sample now, epoch milliseconds with a sub-millisecond fraction. */
export function sampleTimeMs(): number {
  return performance.timeOrigin + performance.now();
}

/** `2026-12-01T05:29:40.46884458Z` for an epoch time in milliseconds (UTC). */
export function rfc3339Nano(epochMs: number): string {
  let ms = Math.floor(epochMs);
  let ns = Math.round((epochMs - ms) * 1e6);
  if (ns >= 1e6) {
    ms += 1;
    ns -= 1e6;
  }
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const fraction = (ms - second * 1000) * 1e6 + ns;
  if (fraction === 0) return `${cachedPrefix}Z`;
  return `${cachedPrefix}.${String(fraction).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Whole seconds since the Unix epoch (k6's csv `timestamp`). */
export function unixSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}
