// The variables of the endpoint benchmark and the write probe, read once at init through the
// script registry (@rota-perf/core): the documented defaults, and a malformed value stops the
// script with one line that names the variable (`TARGET_RPS must be a positive integer, got "abc"`).
import { type EnvMap, formatK6Duration, readRaw, readScriptEnv } from '@rota-perf/core';

const positiveInt = { min: 1, integer: true };

/** Where the results JSON files go (relative to the working directory, as the original). */
export function readResultsDir(env: EnvMap): string {
  return (readRaw(env, 'RESULTS_DIR') ?? 'performance').replace(/\/+$/, '');
}

/** Settings of performance.test.js. */
export interface PerformanceConfig {
  targetRps: number;
  writeRps: number;
  warmupSeconds: number;
  testSeconds: number;
  cooldownSeconds: number;
  rampDownSeconds: number;
  preAllocatedVUs: number;
  maxVUs: number;
  enableWrites: boolean;
  enableRateLimitChecks: boolean;
  rateLimitMaxAttempts: number;
  rateLimitWindowSeconds: number;
  insecureSkipTlsVerify: boolean;
}

/** Reads performance.test.js's variables. */
export function readPerformanceConfig(env: EnvMap): PerformanceConfig {
  const read = readScriptEnv('performance', env);
  const targetRps = read.number('TARGET_RPS', positiveInt);
  const pre = read.number('PRE_ALLOCATED_VUS', positiveInt);
  return {
    targetRps,
    writeRps: read.number('WRITE_RPS', positiveInt, Math.max(1, Math.round(targetRps / 4))),
    warmupSeconds: read.duration('WARMUP_DURATION'),
    testSeconds: read.duration('TEST_DURATION'),
    cooldownSeconds: read.duration('COOLDOWN_DURATION'),
    rampDownSeconds: read.duration('RAMP_DOWN_DURATION'),
    preAllocatedVUs: pre,
    maxVUs: read.number('MAX_VUS', { min: pre, integer: true }, Math.max(pre * 4, pre + 10)),
    enableWrites: read.boolean('ENABLE_WRITE_SCENARIOS'),
    enableRateLimitChecks: read.boolean('ENABLE_RATE_LIMIT_SCENARIOS'),
    rateLimitMaxAttempts: read.number('AUTH_RATE_LIMIT_MAX_ATTEMPTS', positiveInt),
    rateLimitWindowSeconds: read.number('AUTH_RATE_LIMIT_WINDOW_SECONDS', positiveInt),
    insecureSkipTlsVerify: read.boolean('INSECURE_SKIP_TLS_VERIFY'),
  };
}

/** Settings of progress_write.test.js. */
export interface WriteProbeSettings {
  targetRps: number;
  warmup: string;
  test: string;
  cooldown: string;
  warmupSeconds: number;
  testSeconds: number;
  cooldownSeconds: number;
  rampDownSeconds: number;
  tolerance: number;
  preAllocatedVUs: number;
  maxVUs: number;
  insecureSkipTlsVerify: boolean;
}

/** Reads progress_write.test.js's variables. */
export function readWriteProbeConfig(env: EnvMap): WriteProbeSettings {
  const read = readScriptEnv('progress_write', env);
  const pre = read.number('PROGRESS_WRITE_PRE_ALLOCATED_VUS', positiveInt);
  const warmupSeconds = read.duration('PROGRESS_WRITE_WARMUP');
  const testSeconds = read.duration('PROGRESS_WRITE_DURATION');
  const cooldownSeconds = read.duration('PROGRESS_WRITE_COOLDOWN');
  return {
    targetRps: read.number('PROGRESS_WRITE_RPS', positiveInt),
    warmup: formatK6Duration(warmupSeconds),
    test: formatK6Duration(testSeconds),
    cooldown: formatK6Duration(cooldownSeconds),
    warmupSeconds,
    testSeconds,
    cooldownSeconds,
    rampDownSeconds: read.duration('PROGRESS_WRITE_RAMP_DOWN'),
    tolerance: read.tolerance('PROGRESS_WRITE_FAILURE_TOLERANCE'),
    preAllocatedVUs: pre,
    maxVUs: read.number('PROGRESS_WRITE_MAX_VUS', { min: pre, integer: true }, Math.max(pre, 80)),
    insecureSkipTlsVerify: read.boolean('INSECURE_SKIP_TLS_VERIFY'),
  };
}
