/** Outcome of the VIDEO anti-skip rules of PUT progress (docs/rota-api.md §2.3 step 6). */
export type VideoRuleOutcome = 'ok' | 'skip_ahead_blocked' | 'insufficient_watch_time';

/** The value the upsert receives: max(existing, reported), capped at the duration when known. */
export function effectiveProgress(
  existing: number | null,
  reported: number | null,
  duration: number,
) {
  const effective = Math.max(Math.max(0, existing ?? 0), Math.max(0, reported ?? 0));
  return duration > 0 ? Math.min(effective, duration) : effective;
}

/** Applies the skip-ahead window and the completion watch-time rule. */
export function checkVideoRules(input: {
  existing: number | null;
  reported: number | null;
  duration: number;
  status: 'IN_PROGRESS' | 'COMPLETED';
}): VideoRuleOutcome {
  const existing = Math.max(0, input.existing ?? 0);
  const reported = Math.max(0, input.reported ?? 0);
  const d = input.duration;
  const window = d > 0 ? Math.max(30, Math.floor(0.1 * d)) : 30;
  if (reported > existing && reported - existing > window && input.status !== 'COMPLETED') {
    return 'skip_ahead_blocked';
  }
  if (input.status === 'COMPLETED' && d > 0) {
    const required = Math.ceil(d * 0.7);
    const tolerance = Math.max(5, Math.floor(0.05 * d));
    const target = Math.min(required, d);
    if (effectiveProgress(input.existing, input.reported, d) + tolerance < target) {
      return 'insufficient_watch_time';
    }
  }
  return 'ok';
}
