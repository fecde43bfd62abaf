// The variables of the scripts with a plateau schedule (the endpoint benchmark, the write
// probe), read once at init through the script registry (@rota-perf/core), which names them:
// the documented defaults, and a malformed value stops the script with one line that names
// the variable (`TARGET_RPS must be a positive integer, got "abc"`).
import {
  type EndpointsSchedule,
  type EnvMap,
  formatK6Duration,
  type PlateauSchedule,
  readRaw,
  readScriptEnv,
  type ScriptEnv,
  type ScriptName,
  SHARED_DEFAULTS,
  scriptSchedule,
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

/** Reads LoadSettings from the variables the script's registry schedule names. */
function readLoadSettings(
  read: ScriptEnv,
  schedule: EndpointsSchedule | PlateauSchedule,
): LoadSettings {
  const names = schedule.variables;
  const targetRps = read.number(names.rate, positiveInt);
  const pre = read.number(names.preAllocatedVUs, positiveInt);
  return {
    targetRps,
    warmupSeconds: read.duration(names.warmup),
    testSeconds: read.duration(names.plateau),
    cooldownSeconds: read.duration(names.cooldown),
    rampDownSeconds: read.duration(names.rampDown),
    preAllocatedVUs: pre,
    maxVUs: read.number(names.maxVUs, { min: pre, integer: true }, schedule.maxVUs(pre)),
    insecureSkipTlsVerify: read.boolean('INSECURE_SKIP_TLS_VERIFY'),
  };
}

/** Reads the variables of a script with an `endpoints` schedule (performance.test.js). */
export function readPerformanceConfig(
  env: EnvMap,
  script: ScriptName = 'performance',
): PerformanceConfig {
  const read = readScriptEnv(script, env);
  const load = readLoadSettings(read, scriptSchedule(script, 'endpoints'));
  return {
    ...load,
    writeRps: read.number('WRITE_RPS', positiveInt, Math.max(1, Math.round(load.targetRps / 4))),
    enableWrites: read.boolean('ENABLE_WRITE_SCENARIOS'),
    enableRateLimitChecks: read.boolean('ENABLE_RATE_LIMIT_SCENARIOS'),
    rateLimitMaxAttempts: read.number('AUTH_RATE_LIMIT_MAX_ATTEMPTS', positiveInt),
    rateLimitWindowSeconds: read.number('AUTH_RATE_LIMIT_WINDOW_SECONDS', positiveInt),
  };
}

/** Settings of a script with a `plateau` schedule (its phases also as k6 durations). */
export interface PlateauScriptSettings extends LoadSettings {
  warmup: string;
  test: string;
  cooldown: string;
  tolerance: number;
}

/** Reads the variables of a script with a `plateau` schedule (progress_write.test.js). */
export function readPlateauConfig(script: ScriptName, env: EnvMap): PlateauScriptSettings {
  const read = readScriptEnv(script, env);
  const schedule = scriptSchedule(script, 'plateau');
  const load = readLoadSettings(read, schedule);
  return {
    ...load,
    warmup: formatK6Duration(load.warmupSeconds),
    test: formatK6Duration(load.testSeconds),
    cooldown: formatK6Duration(load.cooldownSeconds),
    tolerance: read.tolerance(schedule.variables.tolerance),
  };
}
