// Adaptive search for the ceiling: step up to the first failure, bisect between the last
// pass and the first fail, then re-run the answer. Engine-agnostic and pure: it only awaits
// the runLevel callback, so it runs the same over node-runner, a k6 binary or a simulation.
import {
  ConfigError,
  checkNumber,
  parseK6Duration,
  type SweepLevel,
  type SweepResult,
} from '@rota-perf/core';
import { concludeSweep } from './analyse.js';
import type {
  CeilingSearch,
  SearchCeilingOptions,
  SearchPhase,
  SearchRun,
} from './search-types.js';

/** Default cap on levels run by one search. */
export const DEFAULT_MAX_RUNS = 40;

class RunCapReached extends Error {}

/** Finds the highest sustainable rate between min and max with a bounded number of runs. */
export async function searchCeiling(options: SearchCeilingOptions): Promise<CeilingSearch> {
  const settings = validate(options);
  const runs: SearchRun[] = [];
  const notes: string[] = [];
  const run = async (phase: SearchPhase, rate: number): Promise<SweepLevel> => {
    if (runs.length >= settings.maxRuns) throw new RunCapReached();
    const level = await options.runLevel(rate, settings.seconds);
    const entry = { phase, rate, level };
    runs.push(entry);
    options.onRun?.(entry);
    return level;
  };

  let lastPass: number | null = null;
  let firstFail: number | null = null;
  let confirmed: boolean | null = null;
  let steppedDown = false;
  let exhausted = false;
  try {
    for (let rate = options.min; ; rate = settings.next(rate)) {
      if ((await run('step', rate)).passed) lastPass = rate;
      else {
        firstFail = rate;
        break;
      }
      if (rate >= options.max) break;
    }
    if (lastPass !== null && firstFail !== null) {
      let lo = lastPass;
      let hi = firstFail;
      while (hi - lo > options.precision) {
        const mid = Math.floor((lo + hi) / 2);
        if (mid <= lo) break;
        if ((await run('bisect', mid)).passed) lo = mid;
        else hi = mid;
      }
      lastPass = lo;
      firstFail = hi;
    }
    if (lastPass !== null && settings.confirm) {
      // A level that held once may have been lucky; a failed re-run lowers the answer by
      // `precision` at a time, a bounded number of times.
      let candidate: number | null = lastPass;
      confirmed = (await run('confirm', candidate)).passed;
      const failedAt: number[] = [];
      while (!confirmed && candidate !== null) {
        failedAt.push(candidate);
        firstFail = candidate;
        const lower: number = candidate - options.precision;
        if (failedAt.length > settings.maxStepDowns || lower < options.min) {
          candidate = null;
          break;
        }
        steppedDown = true;
        candidate = lower;
        confirmed = (await run('step-down', candidate)).passed;
      }
      lastPass = candidate;
      if (failedAt.length > 0) {
        notes.push(
          candidate === null
            ? `confirmation failed at ${failedAt.join(', ')} RPS; no level held on a second run`
            : `confirmation failed at ${failedAt.join(', ')} RPS; stepped down to ${candidate} RPS, which held`,
        );
      }
    }
  } catch (error) {
    if (!(error instanceof RunCapReached)) throw error;
    exhausted = true;
    notes.push(`stopped after ${settings.maxRuns} runs (maxRuns); the ceiling is not final`);
  }
  if (runs[0] !== undefined && !runs[0].level.passed) {
    notes.push(`the lowest rate, ${options.min} RPS, already failed`);
  }
  const reachedMax = firstFail === null && lastPass === options.max;
  if (reachedMax) notes.push(`every level up to ${options.max} RPS passed; the ceiling is higher`);

  return {
    ceiling: lastPass,
    firstFailure: firstFail,
    runs,
    confirmed,
    steppedDown,
    reachedMax,
    exhausted,
    notes,
    sweep: searchSweep(options, runs, lastPass),
  };
}

/**
 * The sweep part of a search's result from the runs made so far: what searchCeiling reports
 * at the end, and what an interrupted search reports of its finished levels (`lastPass`: the
 * answer so far).
 */
export function searchSweep(
  options: Pick<SearchCeilingOptions, 'min' | 'max' | 'precision' | 'tolerance' | 'p95SloMs'>,
  runs: readonly SearchRun[],
  lastPass: number | null,
): SweepResult {
  const levels = runs.map((r) => r.level);
  const confirmationFailed = runs.some((r) => r.phase === 'confirm' && !r.level.passed);
  const conclusion = concludeSweep(levels);
  return {
    kind: 'adaptive',
    minTargetRps: options.min,
    maxTargetRps: options.max,
    // The answer's resolution, which is what a reader compares the ceiling against.
    stepRps: options.precision,
    failureTolerance: options.tolerance,
    p95SloMs: options.p95SloMs ?? null,
    levels,
    highestPassingTarget: lastPass,
    unstable: conclusion.unstable || confirmationFailed,
    generatorSaturated: conclusion.generatorSaturated,
    limitedBy: conclusion.limitedBy,
    totalDurationSeconds: null,
  };
}

function validate(options: SearchCeilingOptions) {
  const positiveInt = { min: 1, integer: true };
  checkNumber('min', options.min, positiveInt);
  checkNumber('max', options.max, positiveInt);
  if (options.max < options.min) {
    throw new ConfigError('max', `max must be >= min (${options.min}), got ${options.max}`);
  }
  checkNumber('precision', options.precision, positiveInt);
  checkNumber('tolerance', options.tolerance, { min: 0, max: 1 });
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  checkNumber('maxRuns', maxRuns, positiveInt);
  const maxStepDowns = options.maxStepDowns ?? 3;
  checkNumber('maxStepDowns', maxStepDowns, { min: 0, integer: true });
  const seconds =
    typeof options.duration === 'number'
      ? options.duration
      : parseK6Duration(options.duration, 'duration');
  checkNumber('duration', seconds, { above: 0 }, options.duration);
  if (typeof options.runLevel !== 'function') {
    throw new ConfigError('runLevel', 'runLevel must be a function (rate, seconds) => level');
  }
  let next: (rate: number) => number;
  if (options.strategy === 'linear') {
    const step = options.step ?? Math.max(1, Math.ceil((options.max - options.min) / 10));
    checkNumber('step', step, positiveInt);
    next = (rate) => Math.min(options.max, rate + step);
  } else if (options.strategy === 'exponential') {
    next = (rate) => Math.min(options.max, rate * 2);
  } else {
    throw new ConfigError(
      'strategy',
      `strategy must be "linear" or "exponential", got ${JSON.stringify(options.strategy)}`,
    );
  }
  return { seconds, maxRuns, maxStepDowns, next, confirm: options.confirm !== false };
}
