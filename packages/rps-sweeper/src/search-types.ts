// Shapes of the adaptive ceiling search.
import type { SweepLevel, SweepResult } from '@rota-perf/core';
import type { DurationInput } from './plan-types.js';

/** Runs one level at `rate` RPS for `durationSeconds` and judges it (see judgeLevel). */
export type RunLevel = (rate: number, durationSeconds: number) => Promise<SweepLevel>;

/** How a search run came about. */
export type SearchPhase = 'step' | 'bisect' | 'confirm' | 'step-down';

/** One level the search ran, in order. */
export interface SearchRun {
  phase: SearchPhase;
  rate: number;
  level: SweepLevel;
}

/** Options of searchCeiling. Rates are whole requests per second. */
export interface SearchCeilingOptions {
  runLevel: RunLevel;
  min: number;
  max: number;
  /** Linear strategy: increment per step (default: a tenth of the range, at least 1). */
  step?: number;
  /** linear: min, min+step, …; exponential: min, 2·min, 4·min, … (both capped at max). */
  strategy: 'linear' | 'exponential';
  /** Stop bisecting once the last pass and the first fail are at most this far apart (RPS). */
  precision: number;
  /** How long each level runs. */
  duration: DurationInput;
  /** Failure tolerance the levels are judged by (runLevel applies it); recorded in the result. */
  tolerance: number;
  /** Recorded in the result; runLevel applies it when judging. */
  p95SloMs?: number | null;
  /** Re-run the found level before trusting it (default true). */
  confirm?: boolean;
  /** Hard cap on the number of levels run, confirmation included (default 40). */
  maxRuns?: number;
  /** How many times a failed confirmation may step down by `precision` (default 3). */
  maxStepDowns?: number;
  /** Called after every run, e.g. to print progress. */
  onRun?: (run: SearchRun) => void;
}

/** The outcome of searchCeiling. */
export interface CeilingSearch {
  /** The highest rate that held (confirmed unless `confirmed` is false); null if none held. */
  ceiling: number | null;
  /** The lowest rate seen failing above the ceiling; null if nothing failed. */
  firstFailure: number | null;
  runs: SearchRun[];
  /** true: the ceiling passed a second run; false: it did not; null: not attempted. */
  confirmed: boolean | null;
  /** The first confirmation failed and the ceiling was lowered. */
  steppedDown: boolean;
  /** Every level up to `max` passed: the real ceiling is higher than reported. */
  reachedMax: boolean;
  /** The run cap stopped the search early. */
  exhausted: boolean;
  /** Human-readable account of anything unusual (failed confirmation, cap reached…). */
  notes: string[];
  /** The same outcome as a SweepResult (kind `adaptive`), for report-formatter. */
  sweep: SweepResult;
}
