// The env variables of the two probes read into planSweep inputs, so the k6 scripts and the
// CLI share one reading. The script registry (@rota-perf/core) names the variable behind each
// plan field and documents its default; every error names the variable.
import { type EnvMap, literalDefault, readScriptEnv, SWEEP_VARIABLE_NAMES } from '@rota-perf/core';
import type { PlanField, SweepPlanInput } from './plan-types.js';

/** Which probe's variables to read. */
export type ProbeKind = 'rps_probe' | 'progress_probe';

type VariableNames = Record<
  Exclude<PlanField, 'scenarioPrefix' | 'exec' | 'gracefulStop' | 'warmupRps' | 'generatorMetrics'>,
  string
>;

/** The env variable behind each plan field, per probe: the script registry's names. */
export const PROBE_VARIABLES: Record<ProbeKind, VariableNames> = SWEEP_VARIABLE_NAMES;

/**
 * Reads a probe's sweep settings from an env map (`__ENV`) with the documented defaults.
 * Feed the result to planSweep; errors name the env variable.
 */
export function readSweepConfig(env: EnvMap, kind: ProbeKind): SweepPlanInput {
  const names = PROBE_VARIABLES[kind];
  const read = readScriptEnv(kind, env);
  const positiveInt = { min: 1, integer: true };
  const min = read.number(names.min, positiveInt);
  const pre = read.number(names.preAllocatedVUs, positiveInt);
  // The rps probe defaulted MAX_VUS to max(PRE·4, PRE+20), the progress probe to PRE·4.
  const maxVusDefault = kind === 'rps_probe' ? Math.max(pre * 4, pre + 20) : pre * 4;
  const slo = read.raw(names.p95SloMs);
  // The original raised MAX to MIN; only an unset MAX follows MIN here, a set one is checked.
  const maxDefault = Math.max(Number(literalDefault(kind, names.max)), min);
  return {
    min,
    max: read.number(names.max, positiveInt, maxDefault),
    step: read.number(names.step, positiveInt),
    warmup: read.duration(names.warmup),
    stepDuration: read.duration(names.stepDuration),
    pause: read.duration(names.pause),
    tolerance: read.tolerance(names.tolerance),
    preAllocatedVUs: pre,
    maxVUs: read.number(names.maxVUs, positiveInt, maxVusDefault),
    scenarioPrefix: kind === 'rps_probe' ? 'probe' : 'progress',
    exec: kind === 'rps_probe' ? 'probe_iteration' : 'progress_iteration',
    gracefulStop: '10s',
    // The progress probe warmed up at half the first level; the original tagged the unrounded
    // half, here the tag is the rate actually used.
    warmupRps: kind === 'rps_probe' ? Math.max(1, min) : Math.max(1, Math.round(min * 0.5)),
    p95SloMs: slo === undefined ? null : read.number(names.p95SloMs, { above: 0 }, 0),
    abortOnFail: read.boolean(names.abortOnFail),
    names,
  };
}
