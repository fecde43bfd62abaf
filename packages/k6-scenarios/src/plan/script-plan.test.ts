// The scripts' schedules as generated from their variables: a true plateau at the target.
import {
  ConfigError,
  SCRIPT_NAMES,
  type ScriptName,
  scheduleOf,
  scriptVariables,
  targetRateAt,
} from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../catalogue.js';
import { plateauStages } from './plateau.js';
import { planScript } from './script-plan.js';

// The shared variables' computed values when none is set: no pool, no cookie aliases.
const SHARED_UNSET = { LOGIN_USER_POOL: '0', SESSION_COOKIE_ALIASES: '', CSRF_COOKIE_ALIASES: '' };

/** The rate `t` seconds into the scenario (each starts a fraction of a second apart). */
const rateOf = (plan: ReturnType<typeof planScript>, scenario: string, t: number) => {
  const s = scheduleOf(plan.scenarios).find((x) => x.name === scenario);
  if (!s) throw new Error(`no scenario ${scenario}`);
  return targetRateAt(s, s.startSeconds + t);
};

describe('performance: warm-up 0 -> TARGET_RPS, plateau at TARGET_RPS, cool-down, ramp-down', () => {
  const plan = planScript('performance', {});

  it('the documented defaults give these stages for a read endpoint', () => {
    expect(plan.scenarios.trails_list).toMatchObject({
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      stages: [
        { duration: '30s', target: 5 },
        { duration: '1m', target: 5 },
        { duration: '30s', target: 1 },
        { duration: '15s', target: 0 },
      ],
    });
  });

  it('the rate is constant over the whole plateau (the original ramped through it)', () => {
    for (const t of [30, 45, 60, 89.9]) expect(rateOf(plan, 'trails_list', t)).toBe(5);
    expect(rateOf(plan, 'trails_list', 15)).toBe(2.5);
    expect(rateOf(plan, 'trails_list', 105)).toBe(3);
    // Login and writes at WRITE_RPS = max(1, round(5/4)) = 1.
    expect(rateOf(plan, 'auth_login', 60)).toBe(1);
    // The login pool: at 1 login/s over the 60 s window, 10 attempts each: ceil(60/10) + 1.
    expect(plan.computed).toEqual({
      WRITE_RPS: '1',
      MAX_VUS: '80',
      ...SHARED_UNSET,
      LOGIN_USER_POOL: '7',
    });
  });

  it('phases on the test clock; the plateau carries the rate of all scenarios', () => {
    const reads = ENDPOINTS.filter((e) => e.phase === 'main').length;
    const others = ENDPOINTS.length - reads;
    expect(plan.targetRps).toBe(reads * 5 + others * 1);
    expect(plan.phases).toEqual([
      { name: 'warm-up', start_seconds: 0, end_seconds: 30 },
      { name: 'plateau', start_seconds: 30, end_seconds: 90, target_rps: plan.targetRps },
      { name: 'cool-down', start_seconds: 90, end_seconds: 120 },
      { name: 'ramp-down', start_seconds: 120, end_seconds: 135 },
    ]);
  });

  it('without a warm-up the plateau starts at once; zero-length parts are left out', () => {
    const short = planScript('performance', {
      TARGET_RPS: '8',
      WARMUP_DURATION: '0',
      TEST_DURATION: '5s',
      COOLDOWN_DURATION: '0s',
      RAMP_DOWN_DURATION: '1s',
      ENABLE_WRITE_SCENARIOS: 'false',
    });
    expect(short.scenarios.trails_list).toMatchObject({
      startRate: 8,
      stages: [
        { duration: '5s', target: 8 },
        { duration: '1s', target: 0 },
      ],
    });
    expect(rateOf(short, 'trails_list', 0)).toBe(8);
    expect(short.phases.map((p) => p.name)).toEqual(['plateau', 'ramp-down']);
    expect(Object.keys(short.scenarios)).not.toContain('trail_item_progress');
  });

  it('the scenarios start spread over one arrival period, so their requests interleave', () => {
    const schedule = scheduleOf(plan.scenarios);
    const reads = schedule.filter((s) => ENDPOINTS.find((e) => e.key === s.name)?.phase === 'main');
    const starts = reads.map((s) => s.startSeconds).sort((a, b) => a - b);
    // 15 reads at 5/s: one every 200 ms, each scenario 200/19 ms after the one before it.
    expect(new Set(starts).size).toBe(reads.length);
    expect(starts[0]).toBe(0);
    expect(Math.max(...starts)).toBeLessThan(0.2);
    const gaps = starts.slice(1).map((s, i) => s - (starts[i] as number));
    for (const gap of gaps) expect(gap).toBeGreaterThan(0.009);
    // Login and writes at 1/s spread over their own period (a second).
    const login = schedule.find((s) => s.name === 'auth_login');
    expect(login?.startSeconds).toBeGreaterThan(0.2);
    expect(login?.startSeconds).toBeLessThan(1);
  });
});

describe('progress_write: the same shape at PROGRESS_WRITE_RPS', () => {
  it('plateau at the target for PROGRESS_WRITE_DURATION', () => {
    const plan = planScript('progress_write', { PROGRESS_WRITE_RPS: '12' });
    expect(plan.scenarios.progress_write).toMatchObject({
      startRate: 0,
      stages: [
        { duration: '30s', target: 12 },
        { duration: '2m', target: 12 },
        { duration: '30s', target: 3 },
        { duration: '10s', target: 0 },
      ],
    });
    expect(rateOf(plan, 'progress_write', 100)).toBe(12);
    expect(plan.phases[1]).toEqual({
      name: 'plateau',
      start_seconds: 30,
      end_seconds: 150,
      target_rps: 12,
    });
    expect(plan.computed).toEqual({ PROGRESS_WRITE_MAX_VUS: '80', ...SHARED_UNSET });
  });
});

describe('sweeps: warm-up and one phase per level', () => {
  it('rps_probe levels with their rates and starts', () => {
    const plan = planScript('rps_probe', {
      MIN_PROBE_RPS: '10',
      MAX_PROBE_RPS: '30',
      PROBE_STEP_RPS: '10',
      PROBE_WARMUP_DURATION: '5s',
      PROBE_STEP_DURATION: '10s',
      PROBE_STEP_PAUSE: '2s',
    });
    expect(plan.targetRps).toBeNull();
    expect(plan.phases).toEqual([
      { name: 'warmup', start_seconds: 0, end_seconds: 5, target_rps: 10 },
      { name: 'probe_10', start_seconds: 5, end_seconds: 15, target_rps: 10 },
      { name: 'probe_20', start_seconds: 17, end_seconds: 27, target_rps: 20 },
      { name: 'probe_30', start_seconds: 29, end_seconds: 39, target_rps: 30 },
    ]);
    expect(rateOf(plan, 'probe_20', 3)).toBe(20); // 3 s into the level (test clock 20 s)
    expect(plan.computed).toEqual({ MAX_PROBE_RPS: '30', MAX_VUS: '200', ...SHARED_UNSET });
  });
});

// Any text is a valid value of these (a password, a name, a folder, an id).
const FREE_TEXT = ['AUTH_PASSWORD', 'AUTH_USERNAME', 'RESULTS_DIR', 'RUN_ID'];
// Shared variables a script does not read (the README says which scripts read them).
const NOT_READ: Partial<Record<ScriptName, string[]>> = {
  progress_probe: ['ENABLE_WRITE_SCENARIOS'],
  progress_write: ['ENABLE_WRITE_SCENARIOS'],
};

describe('every script in the registry', () => {
  it('is planned from its documented defaults by the kind of its schedule', () => {
    for (const name of SCRIPT_NAMES) {
      const plan = planScript(name, {});
      const scenarios = Object.values(plan.scenarios) as { exec?: string }[];
      expect(scenarios.length, name).toBeGreaterThan(0);
      for (const s of scenarios) expect(s.exec, name).toMatch(/^[a-z_]+$/);
      expect(plan.phases.length, name).toBeGreaterThan(0);
      const documented = scriptVariables(name).map((v) => v.name);
      for (const variable of Object.keys(plan.computed))
        expect(documented, name).toContain(variable);
    }
  });

  it('rejects a malformed value of every variable it reads, shared ones included', () => {
    for (const name of SCRIPT_NAMES) {
      for (const v of scriptVariables(name)) {
        if (FREE_TEXT.includes(v.name) || NOT_READ[name]?.includes(v.name)) continue;
        const plan = () => planScript(name, { [v.name]: '@@bad' });
        expect(plan, `${name} ${v.name}`).toThrow(ConfigError);
        expect(plan, `${name} ${v.name}`).toThrow(new RegExp(`^${v.name} .*"@@bad"`));
      }
    }
  });

  it('the login pool and the summary switch: out of range or not a boolean is refused', () => {
    for (const name of SCRIPT_NAMES) {
      for (const pool of ['5000', '1001', '-1', '2.5'])
        expect(() => planScript(name, { LOGIN_USER_POOL: pool }), pool).toThrow(
          `LOGIN_USER_POOL must be a whole number from 0 to 1000, got "${pool}"`,
        );
      expect(() => planScript(name, { SUMMARY_STDOUT: 'maybe' })).toThrow(
        'SUMMARY_STDOUT must be true or false, got "maybe"',
      );
      expect(planScript(name, { LOGIN_USER_POOL: '1000' }).computed.LOGIN_USER_POOL).toBe('1000');
    }
  });

  it('records the effective login pool and cookie aliases', () => {
    const plan = planScript('performance', {
      TARGET_RPS: '40',
      SESSION_COOKIE_ALIASES: ' sid , s2 ',
    });
    // WRITE_RPS 10: 600 logins per 60 s window at 10 attempts each, capped at 100.
    expect(plan.computed).toMatchObject({
      LOGIN_USER_POOL: '61',
      SESSION_COOKIE_ALIASES: 'sid,s2',
      CSRF_COOKIE_ALIASES: '',
    });
    expect(planScript('performance', { LOGIN_USER_POOL: '3' }).computed.LOGIN_USER_POOL).toBe('3');
    // A given email makes the username its local part; a generated user is stamped at run time.
    expect(planScript('progress_write', { AUTH_EMAIL: 'ana@example.com' }).computed).toMatchObject({
      AUTH_EMAIL: 'ana@example.com',
      AUTH_USERNAME: 'ana',
    });
    expect(planScript('progress_write', {}).computed).not.toHaveProperty('AUTH_EMAIL');
  });

  it('a plateau schedule runs one scenario named after the script, on its `<name>_iteration`', () => {
    const plan = planScript('progress_write', {});
    expect(Object.keys(plan.scenarios)).toEqual(['progress_write']);
    expect(plan.scenarios.progress_write).toMatchObject({ exec: 'progress_write_iteration' });
  });
});

describe('plateauStages', () => {
  it('a cool-down ends at a quarter of the target, at least 1', () => {
    const shape = { warmupSeconds: 1, plateauSeconds: 1, cooldownSeconds: 1, rampDownSeconds: 1 };
    expect(plateauStages({ ...shape, targetRps: 2 }).stages[2]?.target).toBe(1);
    expect(plateauStages({ ...shape, targetRps: 40 }).stages[2]?.target).toBe(10);
  });
});
