import type { Stage } from '../options/scenarios.js';
import { type Share, WHOLE_TEST } from '../options/striping.js';

/** Yields this instance's iteration start offsets (ms from the scenario start) in order; null when done. */
export interface ArrivalSchedule {
  next(): number | null;
}

/**
 * constant-arrival-rate: slot k of the whole test starts at k·timeUnit/rate, the first at 0, up
 * to and including the duration (as recorded from k6). An instance with a segment starts only
 * the slots of its stripe (`slots`), at the times they have in the whole test.
 */
export function constantSchedule(
  rate: number,
  timeUnitMs: number,
  durationMs: number,
  slots: Share = WHOLE_TEST,
): ArrivalSchedule {
  const interval = timeUnitMs / rate;
  const total = rate > 0 ? Math.floor((durationMs * rate) / timeUnitMs + 1e-9) + 1 : 0;
  let n = 0;
  return {
    next: () => {
      const k = slots.nth(n);
      if (k >= total) return null;
      n++;
      return k * interval;
    },
  };
}

/**
 * ramping-arrival-rate: the rate ramps linearly between stage targets; slot k (0-based) of the
 * whole test starts when the integral of the rate reaches k+1, which is how k6 spaces them
 * (a 0→20/s ramp over 2 s starts its first iteration at ~447 ms). An instance with a segment
 * starts only the slots of its stripe (`slots`).
 */
export function rampingSchedule(
  startRate: number,
  timeUnitMs: number,
  stages: readonly Stage[],
  slots: Share = WHOLE_TEST,
): ArrivalSchedule {
  const segs: { t0: number; d: number; r0: number; r1: number; c0: number }[] = [];
  let t = 0;
  let c = 0;
  let r = startRate / timeUnitMs;
  for (const s of stages) {
    const r1 = s.target / timeUnitMs;
    segs.push({ t0: t, d: s.durationMs, r0: r, r1, c0: c });
    c += ((r + r1) / 2) * s.durationMs;
    t += s.durationMs;
    r = r1;
  }
  const total = Math.floor(c + 1e-9);
  let n = 0;
  let si = 0;
  return {
    next: () => {
      const k = slots.nth(n) + 1;
      if (k > total) return null;
      n++;
      // Slots only move forward, and so does the stage pointer.
      for (; si < segs.length; si++) {
        const seg = segs[si] as (typeof segs)[number];
        const inSeg = ((seg.r0 + seg.r1) / 2) * seg.d;
        const need = k - seg.c0;
        if (need <= inSeg + 1e-9 && inSeg > 0) {
          const a = (seg.r1 - seg.r0) / (2 * seg.d);
          // Stable root of a·τ² + r0·τ − need = 0 that lies inside the segment.
          const disc = Math.max(0, seg.r0 * seg.r0 + 4 * a * need);
          const tau = (2 * need) / (seg.r0 + Math.sqrt(disc));
          return seg.t0 + Math.min(seg.d, Number.isFinite(tau) ? tau : seg.d);
        }
      }
      return t;
    },
  };
}

/**
 * The VU target of ramping-vus at `elapsedMs`, interpolated linearly as k6 steps it: going up,
 * VU n starts when the line reaches n; going down, it stops when the line reaches n-1.
 */
export function rampingVusAt(
  startVUs: number,
  stages: readonly Stage[],
  elapsedMs: number,
): number {
  let from = startVUs;
  let t = 0;
  for (const s of stages) {
    if (elapsedMs < t + s.durationMs) {
      const f = s.durationMs === 0 ? 1 : (elapsedMs - t) / s.durationMs;
      const line = from + (s.target - from) * f;
      // The epsilon keeps 7.000000000000001 (or 6.999999999999999) at 7.
      return s.target >= from ? Math.floor(line + 1e-9) : Math.ceil(line - 1e-9);
    }
    t += s.durationMs;
    from = s.target;
  }
  return from;
}
