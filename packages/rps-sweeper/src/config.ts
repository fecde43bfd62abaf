// The env variables of a sweep script read into planSweep inputs, so the k6 scripts and the
// CLI share one reading. The script registry (@rota-perf/core) gives each sweep script's
// schedule: the variable behind each plan field, its scenario names and its default rules;
// every error names the variable.
import {
  type EnvMap,
  literalDefault,
  readScriptEnv,
  type SweepScriptName,
  scriptSchedule,
} from '@rota-perf/core';
import type { SweepPlanInput } from './plan-types.js';

/** Which probe's variables to read: a registry script with a sweep schedule. */
export type ProbeKind = SweepScriptName;

/**
 * Reads a probe's sweep settings from an env map (`__ENV`) with the documented defaults.
 * Feed the result to planSweep; errors name the env variable.
 */
export function readSweepConfig(env: EnvMap, kind: ProbeKind): SweepPlanInput {
  const schedule = scriptSchedule(kind, 'sweep');
  const names = schedule.variables;
  const read = readScriptEnv(kind, env);
  const positiveInt = { min: 1, integer: true };
  const min = read.number(names.min, positiveInt);
  const pre = read.number(names.preAllocatedVUs, positiveInt);
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
    maxVUs: read.number(names.maxVUs, positiveInt, schedule.maxVUs(pre)),
    scenarioPrefix: schedule.scenarioPrefix,
    exec: schedule.exec,
    gracefulStop: '10s',
    warmupRps: schedule.warmupRps(min),
    p95SloMs: slo === undefined ? null : read.number(names.p95SloMs, { above: 0 }, 0),
    abortOnFail: read.boolean(names.abortOnFail),
    names,
  };
}
