import { EXIT, RunnerError } from '../errors.js';
import { parseDuration } from '../util/duration.js';

/** A ramp step: reach `target` (VUs or iterations per timeUnit) over `durationMs`. */
export interface Stage {
  durationMs: number;
  target: number;
}

/** One scenario with defaults applied and durations in milliseconds. */
export interface ScenarioConfig {
  name: string;
  executor: string;
  exec: string;
  startTimeMs: number;
  gracefulStopMs: number;
  env: Record<string, string>;
  tags: Record<string, string>;
  vus: number;
  iterations: number;
  durationMs: number;
  maxDurationMs: number;
  rate: number;
  timeUnitMs: number;
  preAllocatedVUs: number;
  maxVUs: number;
  startRate: number;
  startVUs: number;
  stages: Stage[];
  gracefulRampDownMs: number;
}

const EXECUTORS = [
  'constant-arrival-rate',
  'ramping-arrival-rate',
  'constant-vus',
  'ramping-vus',
  'per-vu-iterations',
  'shared-iterations',
];

function bad(name: string, what: string): RunnerError {
  return new RunnerError(`invalid scenario '${name}': ${what}`, EXIT.invalidConfig);
}

function num(name: string, raw: Record<string, unknown>, key: string, fallback: number): number {
  const v = raw[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw bad(name, `${key} must be a non-negative number, got ${JSON.stringify(v)}`);
  return v;
}

function stages(name: string, raw: unknown): Stage[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw bad(name, 'stages must be an array of { duration, target }');
  return raw.map((s: { duration?: unknown; target?: unknown }, i) => ({
    durationMs: parseDuration(s?.duration, `stages[${i}].duration of scenario '${name}'`),
    target: num(name, (s ?? {}) as Record<string, unknown>, 'target', 0),
  }));
}

function strings(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) out[k] = String(v);
  return out;
}

/** Applies k6's defaults to one `options.scenarios` entry. */
export function normalizeScenario(name: string, raw: Record<string, unknown>): ScenarioConfig {
  const executor = String(raw.executor ?? '');
  if (!EXECUTORS.includes(executor))
    throw bad(
      name,
      `unknown executor ${JSON.stringify(raw.executor)} (expected one of ${EXECUTORS.join(', ')})`,
    );
  const dur = (key: string, fallback?: number): number => {
    if (raw[key] === undefined) {
      if (fallback === undefined) throw bad(name, `${key} is required for ${executor}`);
      return fallback;
    }
    return parseDuration(raw[key], `${key} of scenario '${name}'`);
  };
  const isArrival = executor.endsWith('arrival-rate');
  const preAllocatedVUs = num(name, raw, 'preAllocatedVUs', 0);
  const cfg: ScenarioConfig = {
    name,
    executor,
    exec: typeof raw.exec === 'string' ? raw.exec : 'default',
    startTimeMs: dur('startTime', 0),
    gracefulStopMs: dur('gracefulStop', 30_000),
    env: strings(raw.env),
    tags: strings(raw.tags),
    vus: num(name, raw, 'vus', 1),
    iterations: num(name, raw, 'iterations', 1),
    durationMs:
      executor === 'constant-vus' || executor === 'constant-arrival-rate'
        ? dur('duration')
        : dur('duration', 0),
    maxDurationMs: dur('maxDuration', 600_000),
    rate: num(name, raw, 'rate', 0),
    timeUnitMs: dur('timeUnit', 1000),
    preAllocatedVUs,
    maxVUs: Math.max(num(name, raw, 'maxVUs', preAllocatedVUs), preAllocatedVUs),
    startRate: num(name, raw, 'startRate', 0),
    startVUs: num(name, raw, 'startVUs', 1),
    stages: stages(name, raw.stages),
    gracefulRampDownMs: dur('gracefulRampDown', 30_000),
  };
  if (isArrival && raw.preAllocatedVUs === undefined)
    throw bad(name, `preAllocatedVUs is required for ${executor}`);
  if (executor === 'constant-arrival-rate' && raw.rate === undefined)
    throw bad(name, 'rate is required for constant-arrival-rate');
  if (
    (executor === 'ramping-arrival-rate' || executor === 'ramping-vus') &&
    cfg.stages.length === 0
  )
    throw bad(name, `stages are required for ${executor}`);
  if (executor === 'shared-iterations' && cfg.iterations < cfg.vus) cfg.vus = cfg.iterations;
  return cfg;
}

/** Turns `options` (scenarios or the top-level shortcuts) into scenario configs, as k6 does. */
export function resolveScenarios(options: Record<string, unknown>): ScenarioConfig[] {
  const scenarios = options.scenarios;
  if (scenarios && typeof scenarios === 'object' && Object.keys(scenarios).length > 0) {
    return Object.entries(scenarios as Record<string, Record<string, unknown>>).map(([n, s]) => {
      if (!s || typeof s !== 'object') throw bad(n, 'expected an object');
      return normalizeScenario(n, s);
    });
  }
  const vus = options.vus;
  const base: Record<string, unknown> = {};
  if (Array.isArray(options.stages) && options.stages.length > 0) {
    Object.assign(base, { executor: 'ramping-vus', startVUs: vus ?? 1, stages: options.stages });
  } else if (options.iterations !== undefined) {
    Object.assign(base, {
      executor: 'shared-iterations',
      vus: vus ?? 1,
      iterations: options.iterations,
    });
    if (options.duration !== undefined) base.maxDuration = options.duration;
  } else if (
    options.duration !== undefined &&
    parseDuration(options.duration, 'options.duration') > 0
  ) {
    Object.assign(base, { executor: 'constant-vus', vus: vus ?? 1, duration: options.duration });
  } else {
    Object.assign(base, { executor: 'per-vu-iterations', vus: vus ?? 1, iterations: 1 });
  }
  return [normalizeScenario('default', base)];
}
