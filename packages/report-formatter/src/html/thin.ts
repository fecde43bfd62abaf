// Thinning of long memory series for the timeline chart.

/** Most points a memory timeline draws; longer runs are bucketed (the tables keep exact figures). */
export const MAX_TIMELINE_POINTS = 1500;

/**
 * Thins samples to at most `max` points: one per bucket, the one with the highest RSS, so
 * peaks survive. A day of 0.5 s samples (172,800) would otherwise bloat the page.
 */
export function thinSamples<T extends { rssBytes: number }>(
  samples: readonly T[],
  max: number,
): T[] {
  if (samples.length <= max) return [...samples];
  const out: T[] = [];
  const size = samples.length / max;
  for (let b = 0; b < max; b++) {
    let best: T | undefined;
    for (let i = Math.floor(b * size); i < Math.floor((b + 1) * size); i++) {
      const s = samples[i];
      if (s && (!best || s.rssBytes > best.rssBytes)) best = s;
    }
    if (best) out.push(best);
  }
  return out;
}
