// The shared variables every script reads (user, cookies, login pool, summary output), read by
// one set of functions with no k6 import: the scripts call them at init, and planScript calls
// the same ones, so `rota-perf` rejects a malformed value before it starts a target, by the
// very rule the script would apply (bootstrap-auth's configFromEnv, core's readBoolean).
import { type BootstrapConfig, configFromEnv } from '@rota-perf/bootstrap-auth';
import { type EnvMap, readBoolean, readRaw, SHARED_DEFAULTS } from '@rota-perf/core';
import { type PerformanceConfig, readResultsDir } from './env.js';

/** What sizes the login pool when LOGIN_USER_POOL is unset (the endpoint benchmark only). */
export interface LoginPoolSizing {
  /** Login-scenario rate. */
  loginRps: number;
  /** The auth rate limiter's attempts per window and its window. */
  rateLimit: { maxAttempts: number; windowSeconds: number };
}

/** The endpoint benchmark's pool sizing: its login rate (WRITE_RPS) and the limiter's settings. */
export function loginPoolSizing(config: PerformanceConfig): LoginPoolSizing {
  return {
    loginRps: config.writeRps,
    rateLimit: {
      maxAttempts: config.rateLimitMaxAttempts,
      windowSeconds: config.rateLimitWindowSeconds,
    },
  };
}

/**
 * The bootstrap config as the script's setup uses it; with `sizing` and LOGIN_USER_POOL unset,
 * the pool is sized so that no user exceeds the limiter's attempts per window.
 */
export function readBootstrapConfig(env: EnvMap, sizing?: LoginPoolSizing): BootstrapConfig {
  const config = configFromEnv(env);
  if (sizing && readRaw(env, 'LOGIN_USER_POOL') === undefined) {
    const perWindow = sizing.loginRps * sizing.rateLimit.windowSeconds;
    config.loginUserPool = Math.min(100, Math.ceil(perWindow / sizing.rateLimit.maxAttempts) + 1);
  }
  return config;
}

/** How handleSummary writes its outputs. */
export interface SummarySettings {
  /** Print the summary text on stdout (SUMMARY_STDOUT). */
  stdout: boolean;
  /** Where the results JSON goes (RESULTS_DIR, no trailing `/`). */
  resultsDir: string;
  /** The run id rota-perf passed (RUN_ID); null when the script runs on its own. */
  runId: string | null;
}

/** Reads the summary settings; read at init, so a bad SUMMARY_STDOUT stops the script at once. */
export function readSummarySettings(env: EnvMap): SummarySettings {
  return {
    stdout: readBoolean(env, 'SUMMARY_STDOUT', SHARED_DEFAULTS.SUMMARY_STDOUT),
    resultsDir: readResultsDir(env),
    runId: readRaw(env, 'RUN_ID') ?? null,
  };
}
