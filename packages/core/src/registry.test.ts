import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from './errors.js';
import { readScriptEnv } from './registry/env.js';
import {
  literalDefault,
  parseScriptName,
  SCRIPT_NAMES,
  scriptEntry,
  scriptSchedule,
  scriptVariables,
} from './registry/lookup.js';
import { SCRIPTS } from './registry/scripts.js';
import { SHARED_DEFAULTS, SHARED_VARIABLES } from './registry/shared.js';
import { RESULT_FILES, resultFileSpec } from './results/files.js';

describe('the script registry', () => {
  it('lists each script once, with its bundle, source and a known results file', () => {
    // The original's four scripts come first, in its order; a new script is added after them.
    expect(SCRIPT_NAMES.slice(0, 4)).toEqual([
      'performance',
      'rps_probe',
      'progress_probe',
      'progress_write',
    ]);
    expect(new Set(SCRIPT_NAMES).size).toBe(SCRIPT_NAMES.length);
    for (const s of SCRIPTS) {
      expect(s.bundle).toBe(`performance/k6/${s.name}.test.js`);
      expect(s.source).toMatch(/^src\/scripts\/[a-z-]+\.ts$/);
      expect(resultFileSpec(s.resultsFile)?.file).toBe(s.resultsFile);
      expect(s.summary).not.toContain('\n');
    }
    const results = SCRIPTS.map((s) => s.resultsFile);
    expect(new Set(results).size).toBe(results.length);
  });

  it('accepts the name, the dashed alias and the bundle file name', () => {
    expect(parseScriptName('rps-probe')).toBe('rps_probe');
    expect(parseScriptName('rps_probe')).toBe('rps_probe');
    expect(parseScriptName('rps_probe.test.js')).toBe('rps_probe');
    expect(parseScriptName('performance.test.js')).toBe('performance');
    expect(() => parseScriptName('perf')).toThrow(UsageError);
    expect(() => parseScriptName('perf')).toThrow(
      /^unknown script "perf": expected one of performance, rps-probe, progress-probe, progress-write\b/,
    );
  });

  it('documents every variable once per script, with a one-line description', () => {
    for (const name of SCRIPT_NAMES) {
      const names = scriptVariables(name).map((v) => v.name);
      expect(new Set(names).size, name).toBe(names.length);
      for (const v of scriptVariables(name)) {
        expect(v.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(v.description).not.toContain('\n');
      }
    }
    expect(scriptEntry('rps_probe').variables.map((v) => v.name)).toContain('PRE_ALLOCATED_VUS');
    expect(literalDefault('rps_probe', 'PRE_ALLOCATED_VUS')).toBe('50');
    expect(literalDefault('performance', 'PRE_ALLOCATED_VUS')).toBe('20');
    expect(literalDefault('performance', 'WRITE_RPS')).toBeUndefined();
  });

  it('gives both probes the same sweep settings, each described once, under their own names', () => {
    const descriptions = (name: 'rps_probe' | 'progress_probe') =>
      scriptEntry(name).variables.map((v) => v.description);
    expect(descriptions('progress_probe')).toEqual(descriptions('rps_probe'));
    for (const probe of ['rps_probe', 'progress_probe'] as const) {
      const names = scriptEntry(probe).variables.map((v) => v.name);
      expect(Object.values(scriptSchedule(probe, 'sweep').variables)).toEqual(names);
    }
    expect(scriptSchedule('progress_probe', 'sweep').variables.stepDuration).toBe(
      'PROGRESS_STEP_DURATION',
    );
  });

  it('schedules every script from its own documented variables, with their documented rules', () => {
    for (const s of SCRIPTS) {
      const own = s.variables.map((v) => v.name);
      for (const variable of Object.values(s.schedule.variables))
        expect(own, s.name).toContain(variable);
    }
    // The rules beside the defaults the README states (PRE = 20, 50, 80, 20).
    expect(scriptSchedule('performance', 'endpoints').maxVUs(20)).toBe(80);
    expect(scriptSchedule('performance', 'endpoints').maxVUs(5)).toBe(20);
    expect(scriptSchedule('rps_probe', 'sweep').maxVUs(50)).toBe(200);
    expect(scriptSchedule('rps_probe', 'sweep').maxVUs(5)).toBe(25);
    expect(scriptSchedule('progress_probe', 'sweep').maxVUs(80)).toBe(320);
    expect(scriptSchedule('progress_write', 'plateau').maxVUs(20)).toBe(80);
    expect(scriptSchedule('progress_write', 'plateau').maxVUs(100)).toBe(100);
    expect(scriptSchedule('rps_probe', 'sweep').warmupRps(10)).toBe(10);
    expect(scriptSchedule('progress_probe', 'sweep').warmupRps(10)).toBe(5);
    expect(scriptSchedule('progress_probe', 'sweep').warmupRps(1)).toBe(1);
    expect(() => scriptSchedule('performance', 'sweep')).toThrow(
      "performance's schedule is endpoints, not sweep",
    );
  });

  it('shows each shared default that readers use as a value, as the README prints it', () => {
    const documented = new Map(SHARED_VARIABLES.map((v) => [v.name, v.default]));
    for (const [name, value] of Object.entries(SHARED_DEFAULTS)) {
      expect(documented.get(name), name).toContain(`\`${value}\``);
    }
    expect(documented.get('AUTH_PASSWORD')).toBe('`PerfTest@123`');
    expect(literalDefault('progress_write', 'INSECURE_SKIP_TLS_VERIFY')).toBe('true');
  });

  it('knows a results file for every layout the tools write', () => {
    expect(RESULT_FILES.map((f) => f.file)).toContain('adaptive_probe_results.json');
  });
});

describe('readScriptEnv', () => {
  it('takes the documented default when the variable is unset', () => {
    const env = readScriptEnv('performance', {});
    expect(env.number('TARGET_RPS', { min: 1, integer: true })).toBe(5);
    expect(env.duration('TEST_DURATION')).toBe(60);
    expect(env.boolean('ENABLE_RATE_LIMIT_SCENARIOS')).toBe(false);
    expect(env.boolean('INSECURE_SKIP_TLS_VERIFY')).toBe(true);
    expect(readScriptEnv('progress_write', {}).tolerance('PROGRESS_WRITE_FAILURE_TOLERANCE')).toBe(
      0.02,
    );
  });

  it('reads set values and names the variable when one is malformed', () => {
    const env = readScriptEnv('performance', { TARGET_RPS: 'abc', TEST_DURATION: '1m30s' });
    expect(env.duration('TEST_DURATION')).toBe(90);
    expect(() => env.number('TARGET_RPS', { min: 1, integer: true })).toThrow(ConfigError);
    expect(() => env.number('TARGET_RPS', { min: 1, integer: true })).toThrow(
      'TARGET_RPS must be a positive integer, got "abc"',
    );
  });

  it('refuses undocumented variables and computed defaults without an explicit value', () => {
    const env = readScriptEnv('performance', {});
    expect(() => env.number('NOT_DOCUMENTED')).toThrow(/not a documented variable of performance/);
    expect(() => env.number('WRITE_RPS')).toThrow(/pass the computed default/);
    expect(env.number('WRITE_RPS', {}, 3)).toBe(3);
    expect(() => env.raw('NOPE')).toThrow(/not a documented variable/);
  });
});
