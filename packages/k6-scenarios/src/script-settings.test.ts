// The shared variables as the scripts read them at init (and planScript before a run).
import { ConfigError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { readBootstrapConfig, readSummarySettings } from './script-settings.js';
import { summaryOutputs } from './summary.js';

const SIZING = { loginRps: 2, rateLimit: { maxAttempts: 10, windowSeconds: 60 } };

describe('readSummarySettings', () => {
  it('defaults: summary on stdout, results in performance/, no run id', () => {
    expect(readSummarySettings({})).toEqual({
      stdout: true,
      resultsDir: 'performance',
      runId: null,
    });
  });

  it('a SUMMARY_STDOUT that is not a boolean is a ConfigError at init, not in handleSummary', () => {
    expect(() => readSummarySettings({ SUMMARY_STDOUT: 'maybe' })).toThrow(ConfigError);
    expect(() => readSummarySettings({ SUMMARY_STDOUT: 'maybe' })).toThrow(
      'SUMMARY_STDOUT must be true or false, got "maybe"',
    );
    expect(readSummarySettings({ SUMMARY_STDOUT: 'off', RESULTS_DIR: 'out/' })).toMatchObject({
      stdout: false,
      resultsDir: 'out',
    });
  });

  it('summaryOutputs writes what the settings say', () => {
    const settings = { stdout: false, resultsDir: 'r', runId: 'id-1' };
    expect(summaryOutputs('text', settings, { 'x.json': { a: 1 } })).toEqual({
      'r/x.json': '{\n  "run_id": "id-1",\n  "a": 1\n}\n',
    });
  });
});

describe('readBootstrapConfig', () => {
  it('sizes the login pool from the login rate when LOGIN_USER_POOL is unset or blank', () => {
    // 2 logins/s over a 60 s window at 10 attempts per user: ceil(120/10) + 1.
    expect(readBootstrapConfig({}, SIZING).loginUserPool).toBe(13);
    expect(readBootstrapConfig({ LOGIN_USER_POOL: ' ' }, SIZING).loginUserPool).toBe(13);
    expect(readBootstrapConfig({ LOGIN_USER_POOL: '4' }, SIZING).loginUserPool).toBe(4);
    expect(readBootstrapConfig({}).loginUserPool).toBe(0);
  });

  it('refuses a pool out of range with bootstrap-auth’s rule', () => {
    expect(() => readBootstrapConfig({ LOGIN_USER_POOL: '5000' }, SIZING)).toThrow(
      'LOGIN_USER_POOL must be a whole number from 0 to 1000, got "5000"',
    );
  });
});
