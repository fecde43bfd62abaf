// When each k6 scenario runs and the arrival rate it aims at, from its options as the script
// declares them: the progress display and the real-k6 series use it (node-runner knows the
// rate natively). Arrival-rate executors only have a target rate; the others have a window.
import { durationSeconds } from '../duration.js';

/** A scenario of `options.scenarios`, as far as its timing goes (k6's field names). */
export interface K6ScenarioTiming {
  executor: string;
  startTime?: string;
  /** constant-arrival-rate, constant-vus, per-vu/shared-iterations (maxDuration there). */
  duration?: string;
  maxDuration?: string;
  rate?: number;
  startRate?: number;
  timeUnit?: string;
  stages?: readonly { duration: string; target: number }[];
}

/** One scenario on the test's clock (seconds from the test start, after setup). */
export interface ScenarioSchedule {
  name: string;
  executor: string;
  startSeconds: number;
  durationSeconds: number;
  /**
   * Arrival-rate executors: the rate (iterations per second) as a piecewise-linear function,
   * as points in seconds from the test start; null for the other executors.
   */
  rate: { at: number; perSecond: number }[] | null;
}

// k6's default maxDuration of the iteration-count executors.
const DEFAULT_MAX_DURATION_SECONDS = 600;

const seconds = (text: string | undefined, fallback = 0): number =>
  text === undefined ? fallback : (durationSeconds(text) ?? fallback);

function rateOf(name: string, options: K6ScenarioTiming, start: number) {
  const perUnit = 1 / seconds(options.timeUnit, 1);
  if (options.executor === 'constant-arrival-rate') {
    const end = start + seconds(options.duration);
    const perSecond = (options.rate ?? 0) * perUnit;
    return {
      durationSeconds: end - start,
      rate: [
        { at: start, perSecond },
        { at: end, perSecond },
      ],
    };
  }
  if (options.executor === 'ramping-arrival-rate') {
    const points = [{ at: start, perSecond: (options.startRate ?? 0) * perUnit }];
    let at = start;
    for (const stage of options.stages ?? []) {
      at += seconds(stage.duration);
      points.push({ at, perSecond: stage.target * perUnit });
    }
    return { durationSeconds: at - start, rate: points };
  }
  throw new Error(`${name}: ${options.executor} is not an arrival-rate executor`);
}

function windowOf(options: K6ScenarioTiming): number {
  if (options.stages) return options.stages.reduce((sum, s) => sum + seconds(s.duration), 0);
  if (options.duration !== undefined) return seconds(options.duration);
  return seconds(options.maxDuration, DEFAULT_MAX_DURATION_SECONDS);
}

/** Every scenario's window and rate, in declaration order. */
export function scheduleOf(
  scenarios: Readonly<Record<string, K6ScenarioTiming>>,
): ScenarioSchedule[] {
  return Object.keys(scenarios).map((name) => {
    const options = scenarios[name] as K6ScenarioTiming;
    const startSeconds = seconds(options.startTime);
    const arrival =
      options.executor === 'constant-arrival-rate' || options.executor === 'ramping-arrival-rate';
    if (arrival)
      return {
        name,
        executor: options.executor,
        startSeconds,
        ...rateOf(name, options, startSeconds),
      };
    return {
      name,
      executor: options.executor,
      startSeconds,
      durationSeconds: windowOf(options),
      rate: null,
    };
  });
}

/** The test's planned length: the end of its last scenario (graceful stops not counted). */
export function plannedSeconds(schedule: readonly ScenarioSchedule[]): number {
  return schedule.reduce((end, s) => Math.max(end, s.startSeconds + s.durationSeconds), 0);
}

/**
 * The rate a scenario aims at `t` seconds after the test start (linear within a ramp), 0
 * outside its window, null when its executor has no target rate.
 */
export function targetRateAt(scenario: ScenarioSchedule, t: number): number | null {
  const points = scenario.rate;
  if (points === null) return null;
  const end = scenario.startSeconds + scenario.durationSeconds;
  if (t < scenario.startSeconds || t >= end) return 0;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] as { at: number; perSecond: number };
    const to = points[i] as { at: number; perSecond: number };
    if (t < to.at) {
      const span = to.at - from.at;
      return span <= 0
        ? to.perSecond
        : from.perSecond + ((t - from.at) / span) * (to.perSecond - from.perSecond);
    }
  }
  return points[points.length - 1]?.perSecond ?? 0;
}

/** `targetRateAt` by scenario name: null for a scenario the schedule does not have. */
export function targetRates(
  schedule: readonly ScenarioSchedule[],
): (scenario: string, t: number) => number | null {
  const byName = new Map(schedule.map((s) => [s.name, s]));
  return (scenario, t) => {
    const s = byName.get(scenario);
    return s ? targetRateAt(s, t) : null;
  };
}
