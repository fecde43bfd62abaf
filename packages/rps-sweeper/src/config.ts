// The env variables of the two probes (contract §5.3, §5.4) read into planSweep inputs, so the
// k6 scripts and the CLI share one reading, and every error names the variable the user set.
import {
  type EnvMap,
  readBoolean,
  readDuration,
  readNumber,
  readRaw,
  readTolerance,
} from './env.js';
import type { PlanField, SweepPlanInput } from './plan-types.js';

/** Which probe's variables to read. */
export type ProbeKind = 'rps_probe' | 'progress_probe';

interface ProbeVariables {
  names: Record<
    Exclude<PlanField, 'scenarioPrefix' | 'exec' | 'gracefulStop' | 'warmupRps'>,
    string
  >;
  defaults: {
    min: number;
    max: number;
    step: number;
    warmup: string;
    stepDuration: string;
    pause: string;
    preAllocatedVUs: number;
  };
}

/** Env variable names and defaults of each probe, as in the original scripts. */
export const PROBE_VARIABLES: Record<ProbeKind, ProbeVariables> = {
  rps_probe: {
    names: {
      min: 'MIN_PROBE_RPS',
      max: 'MAX_PROBE_RPS',
      step: 'PROBE_STEP_RPS',
      warmup: 'PROBE_WARMUP_DURATION',
      stepDuration: 'PROBE_STEP_DURATION',
      pause: 'PROBE_STEP_PAUSE',
      tolerance: 'PROBE_FAILURE_TOLERANCE',
      preAllocatedVUs: 'PRE_ALLOCATED_VUS',
      maxVUs: 'MAX_VUS',
      p95SloMs: 'PROBE_P95_MS',
      abortOnFail: 'PROBE_ABORT_ON_FAIL',
    },
    // The documented defaults (the original script capped MAX at 100 against its README's 200).
    defaults: {
      min: 10,
      max: 200,
      step: 10,
      warmup: '30s',
      stepDuration: '30s',
      pause: '5s',
      preAllocatedVUs: 50,
    },
  },
  progress_probe: {
    names: {
      min: 'PROGRESS_MIN_RPS',
      max: 'PROGRESS_MAX_RPS',
      step: 'PROGRESS_STEP_RPS',
      warmup: 'PROGRESS_WARMUP_DURATION',
      stepDuration: 'PROGRESS_STEP_DURATION',
      pause: 'PROGRESS_STEP_PAUSE',
      tolerance: 'PROGRESS_FAILURE_TOLERANCE',
      preAllocatedVUs: 'PROGRESS_PRE_ALLOCATED_VUS',
      maxVUs: 'PROGRESS_MAX_VUS',
      p95SloMs: 'PROGRESS_P95_MS',
      abortOnFail: 'PROGRESS_ABORT_ON_FAIL',
    },
    // The documented defaults (the original script used 100..1000 step 100 and 60 s steps).
    defaults: {
      min: 10,
      max: 80,
      step: 10,
      warmup: '30s',
      stepDuration: '45s',
      pause: '10s',
      preAllocatedVUs: 80,
    },
  },
};

/**
 * Reads a probe's sweep settings from an env map (`__ENV`), with the original defaults.
 * Feed the result to planSweep; errors name the env variable.
 */
export function readSweepConfig(env: EnvMap, kind: ProbeKind): SweepPlanInput {
  const { names, defaults } = PROBE_VARIABLES[kind];
  const positiveInt = { min: 1, integer: true };
  const min = readNumber(env, names.min, defaults.min, positiveInt);
  const pre = readNumber(env, names.preAllocatedVUs, defaults.preAllocatedVUs, positiveInt);
  // The rps probe defaulted MAX_VUS to max(PRE·4, PRE+20), the progress probe to PRE·4.
  const maxVusDefault = kind === 'rps_probe' ? Math.max(pre * 4, pre + 20) : pre * 4;
  const slo = readRaw(env, names.p95SloMs);
  return {
    min,
    // The original raised MAX to MIN; only an unset MAX follows MIN here, a set one is checked.
    max: readNumber(env, names.max, Math.max(defaults.max, min), positiveInt),
    step: readNumber(env, names.step, defaults.step, positiveInt),
    warmup: readDuration(env, names.warmup, defaults.warmup),
    stepDuration: readDuration(env, names.stepDuration, defaults.stepDuration),
    pause: readDuration(env, names.pause, defaults.pause),
    tolerance: readTolerance(env, names.tolerance, 0.01),
    preAllocatedVUs: pre,
    maxVUs: readNumber(env, names.maxVUs, maxVusDefault, positiveInt),
    scenarioPrefix: kind === 'rps_probe' ? 'probe' : 'progress',
    exec: kind === 'rps_probe' ? 'probe_iteration' : 'progress_iteration',
    gracefulStop: '10s',
    // The progress probe warmed up at half the first level; the original tagged the unrounded
    // half, here the tag is the rate actually used.
    warmupRps: kind === 'rps_probe' ? Math.max(1, min) : Math.max(1, Math.round(min * 0.5)),
    p95SloMs: slo === undefined ? null : readNumber(env, names.p95SloMs, 0, { above: 0 }),
    abortOnFail: readBoolean(env, names.abortOnFail, false),
    names,
  };
}
