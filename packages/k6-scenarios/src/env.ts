// The variables of the endpoint benchmark and the write probe, read once at init through the
// script registry (@rota-perf/core): the documented defaults, and a malformed value stops the
// script with one line that names the variable (`TARGET_RPS must be a positive integer, got "abc"`).
import {
  type EnvMap,
  formatK6Duration,
  readRaw,
  readScriptEnv,
  type ScriptEnv,
  SHARED_DEFAULTS,
} from '@rota-perf/core';

const positiveInt = { min: 1, integer: true };

/** Where the results JSON files go (relative to the working directory, as the original). */
export function readResultsDir(env: EnvMap): string {
  return (readRaw(env, 'RESULTS_DIR') ?? SHARED_DEFAULTS.RESULTS_DIR).replace(/\/+$/, '');
}

/** What both load scripts read: the rate, the phases, the VU pool and TLS checking. */
export interface LoadSettings {
  targetRps: number;
  warmupSeconds: number;
  testSeconds: number;
  cooldownSeconds: number;
  rampDownSeconds: number;
  preAllocatedVUs: number;
  maxVUs: number;
  insecureSkipTlsVerify: boolean;
}

/** Settings of performance.test.js. */
export interface PerformanceConfig extends LoadSettings {
  writeRps: number;
  enableWrites: boolean;
  enableRateLimitChecks: boolean;
  rateLimitMaxAttempts: number;
  rateLimitWindowSeconds: number;
}

/** The variables a load script reads its LoadSettings from. */
interface LoadVariables {
  rate: string;
  warmup: string;
  test: string;
  cooldown: string;
  rampDown: string;
  preAllocatedVUs: string;
  maxVUs: string;
}

/** Reads LoadSettings; `maxVUsDefault` is the pool's cap when its variable is unset. */
function readLoadSettings(
  read: ScriptEnv,
  names: LoadVariables,
  maxVUsDefault: (pre: number) => number,
): LoadSettings {
  const targetRps = read.number(names.rate, positiveInt);
  const pre = read.number(names.preAllocatedVUs, positiveInt);
  return {
    targetRps,
    warmupSeconds: read.duration(names.warmup),
    testSeconds: read.duration(names.test),
    cooldownSeconds: read.duration(names.cooldown),
    rampDownSeconds: read.duration(names.rampDown),
    preAllocatedVUs: pre,
    maxVUs: read.number(names.maxVUs, { min: pre, integer: true }, maxVUsDefault(pre)),
    insecureSkipTlsVerify: read.boolean('INSECURE_SKIP_TLS_VERIFY'),
  };
}

/** Reads performance.test.js's variables. */
export function readPerformanceConfig(env: EnvMap): PerformanceConfig {
  const read = readScriptEnv('performance', env);
  const load = readLoadSettings(
    read,
    {
      rate: 'TARGET_RPS',
      warmup: 'WARMUP_DURATION',
      test: 'TEST_DURATION',
      cooldown: 'COOLDOWN_DURATION',
      rampDown: 'RAMP_DOWN_DURATION',
      preAllocatedVUs: 'PRE_ALLOCATED_VUS',
      maxVUs: 'MAX_VUS',
    },
    (pre) => Math.max(pre * 4, pre + 10),
  );
  return {
    ...load,
    writeRps: read.number('WRITE_RPS', positiveInt, Math.max(1, Math.round(load.targetRps / 4))),
    enableWrites: read.boolean('ENABLE_WRITE_SCENARIOS'),
    enableRateLimitChecks: read.boolean('ENABLE_RATE_LIMIT_SCENARIOS'),
    rateLimitMaxAttempts: read.number('AUTH_RATE_LIMIT_MAX_ATTEMPTS', positiveInt),
    rateLimitWindowSeconds: read.number('AUTH_RATE_LIMIT_WINDOW_SECONDS', positiveInt),
  };
}

/** Settings of progress_write.test.js (its phases also as k6 durations). */
export interface WriteProbeSettings extends LoadSettings {
  warmup: string;
  test: string;
  cooldown: string;
  tolerance: number;
}

/** Reads progress_write.test.js's variables. */
export function readWriteProbeConfig(env: EnvMap): WriteProbeSettings {
  const read = readScriptEnv('progress_write', env);
  const load = readLoadSettings(
    read,
    {
      rate: 'PROGRESS_WRITE_RPS',
      warmup: 'PROGRESS_WRITE_WARMUP',
      test: 'PROGRESS_WRITE_DURATION',
      cooldown: 'PROGRESS_WRITE_COOLDOWN',
      rampDown: 'PROGRESS_WRITE_RAMP_DOWN',
      preAllocatedVUs: 'PROGRESS_WRITE_PRE_ALLOCATED_VUS',
      maxVUs: 'PROGRESS_WRITE_MAX_VUS',
    },
    (pre) => Math.max(pre, 80),
  );
  return {
    ...load,
    warmup: formatK6Duration(load.warmupSeconds),
    test: formatK6Duration(load.testSeconds),
    cooldown: formatK6Duration(load.cooldownSeconds),
    tolerance: read.tolerance('PROGRESS_WRITE_FAILURE_TOLERANCE'),
  };
}
