// The variables of the endpoint benchmark and the write probe, read once at init. Every
// reader comes from rps-sweeper, so a malformed value stops the script with one line that
// names the variable and the expected form (`TARGET_RPS must be a positive integer, got "abc"`).
import {
  type EnvMap,
  formatK6Duration,
  readBoolean,
  readDuration,
  readNumber,
  readRaw,
  readTolerance,
} from '@rota-perf/rps-sweeper';

const positiveInt = { min: 1, integer: true };

/** Where the results JSON files go (relative to the working directory, as the original). */
export function readResultsDir(env: EnvMap): string {
  return (readRaw(env, 'RESULTS_DIR') ?? 'performance').replace(/\/+$/, '');
}

/** Settings of performance.test.js (defaults as documented in the README). */
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
  resultsDir: string;
}

/** Reads performance.test.js's variables. */
export function readPerformanceConfig(env: EnvMap): PerformanceConfig {
  const targetRps = readNumber(env, 'TARGET_RPS', 5, positiveInt);
  const pre = readNumber(env, 'PRE_ALLOCATED_VUS', 20, positiveInt);
  return {
    targetRps,
    writeRps: readNumber(env, 'WRITE_RPS', Math.max(1, Math.round(targetRps / 4)), positiveInt),
    warmupSeconds: readDuration(env, 'WARMUP_DURATION', '30s'),
    testSeconds: readDuration(env, 'TEST_DURATION', '1m'),
    cooldownSeconds: readDuration(env, 'COOLDOWN_DURATION', '30s'),
    rampDownSeconds: readDuration(env, 'RAMP_DOWN_DURATION', '15s'),
    preAllocatedVUs: pre,
    maxVUs: readNumber(env, 'MAX_VUS', Math.max(pre * 4, pre + 10), { min: pre, integer: true }),
    enableWrites: readBoolean(env, 'ENABLE_WRITE_SCENARIOS', true),
    enableRateLimitChecks: readBoolean(env, 'ENABLE_RATE_LIMIT_SCENARIOS', false),
    rateLimitMaxAttempts: readNumber(env, 'AUTH_RATE_LIMIT_MAX_ATTEMPTS', 10, positiveInt),
    rateLimitWindowSeconds: readNumber(env, 'AUTH_RATE_LIMIT_WINDOW_SECONDS', 60, positiveInt),
    insecureSkipTlsVerify: readBoolean(env, 'INSECURE_SKIP_TLS_VERIFY', true),
    resultsDir: readResultsDir(env),
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
  resultsDir: string;
}

/** Reads progress_write.test.js's variables. */
export function readWriteProbeConfig(env: EnvMap): WriteProbeSettings {
  const pre = readNumber(env, 'PROGRESS_WRITE_PRE_ALLOCATED_VUS', 20, positiveInt);
  const warmupSeconds = readDuration(env, 'PROGRESS_WRITE_WARMUP', '30s');
  const testSeconds = readDuration(env, 'PROGRESS_WRITE_DURATION', '2m');
  const cooldownSeconds = readDuration(env, 'PROGRESS_WRITE_COOLDOWN', '30s');
  return {
    targetRps: readNumber(env, 'PROGRESS_WRITE_RPS', 15, positiveInt),
    warmup: formatK6Duration(warmupSeconds),
    test: formatK6Duration(testSeconds),
    cooldown: formatK6Duration(cooldownSeconds),
    warmupSeconds,
    testSeconds,
    cooldownSeconds,
    rampDownSeconds: readDuration(env, 'PROGRESS_WRITE_RAMP_DOWN', '10s'),
    tolerance: readTolerance(env, 'PROGRESS_WRITE_FAILURE_TOLERANCE', 0.02),
    preAllocatedVUs: pre,
    maxVUs: readNumber(env, 'PROGRESS_WRITE_MAX_VUS', Math.max(pre, 80), {
      min: pre,
      integer: true,
    }),
    insecureSkipTlsVerify: readBoolean(env, 'INSECURE_SKIP_TLS_VERIFY', true),
    resultsDir: readResultsDir(env),
  };
}
