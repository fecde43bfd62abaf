// The short runs that the CLI's end-to-end tests (packages/cli) and `pnpm reliability` both
// start: one definition, so the two keep exercising the same runs.

/** `-e` settings that cut warm-up, cool-down and ramp-down to a second: a run takes seconds. */
export const SHORT_PHASES = [
  '-e',
  'WARMUP_DURATION=1s',
  '-e',
  'COOLDOWN_DURATION=1s',
  '-e',
  'RAMP_DOWN_DURATION=1s',
];

/**
 * `rota-perf probe --adaptive` arguments for a search that runs long enough to be interrupted
 * mid-level: 5 s levels between 2 and 64 RPS, writing to `out`.
 */
export function adaptiveProbeArgs(out) {
  return [
    'probe',
    '--adaptive',
    '--min',
    '2',
    '--max',
    '64',
    '--step-duration',
    '5s',
    '--tolerance',
    '0.5',
    '--out',
    out,
  ];
}

/** Printed once the adaptive probe's first level (2 RPS) is judged: the second one has begun. */
export const FIRST_LEVEL_JUDGED = /\] step 2 RPS: .*(PASS|FAIL)/;
