// Types of short-runs.mjs, for the TypeScript tests that use it.

/** `-e` settings that cut warm-up, cool-down and ramp-down to a second: a run takes seconds. */
export const SHORT_PHASES: readonly string[];

/** `rota-perf probe --adaptive` arguments for a search long enough to interrupt mid-level. */
export function adaptiveProbeArgs(out: string): string[];

/** Printed once the adaptive probe's first level (2 RPS) is judged: the second one has begun. */
export const FIRST_LEVEL_JUDGED: RegExp;
