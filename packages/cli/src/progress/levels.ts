// The sweep levels of a run as progress shows them: each level's requests, failures and
// latency added up as its seconds finish, and its one-line verdict once they are all in.
import type { SeriesRequestRow, SeriesScenarioRow, SeriesSecondRow } from '@rota-perf/core';
import {
  createLatencyHistogram,
  decodeHistogram,
  type LatencyHistogram,
  latencyStatsOf,
} from '@rota-perf/core/series';
import type { ProgressPlan } from './model.js';

/** The p95 of a histogram in ms; null when it is empty. */
export function p95Of(histogram: LatencyHistogram): number | null {
  return histogram.totalCount === 0 ? null : latencyStatsOf(histogram).p95;
}

/** A finished sweep level. */
export interface LevelFigures {
  scenario: string;
  index: number;
  of: number;
  targetRps: number;
  achievedRps: number;
  requests: number;
  failed: number;
  p95: number | null;
  dropped: number;
  /** Most VUs busy in one of the level's seconds (the whole run's, one level runs at a time). */
  peakVus: number | null;
  /** The generator's mean CPU share over the level's seconds (node-runner only). */
  generatorCpu: number | null;
}

interface LevelAccumulator {
  requests: number;
  failed: number;
  histogram: LatencyHistogram;
  dropped: number;
  peakVus: number | null;
  cpuSum: number;
  cpuSeconds: number;
}

/** Adds up each level's seconds and hands over the finished levels in order. */
export class LevelTracker {
  private readonly totals = new Map<string, LevelAccumulator>();
  private next = 0;

  constructor(private readonly levels: ProgressPlan['levels']) {}

  /** A request row of a finished second (rows of other scenarios are ignored). */
  add(row: SeriesRequestRow): void {
    const acc = this.accumulator(row.scenario);
    if (acc === undefined) return;
    acc.requests += row.requests;
    acc.failed += row.failed;
    acc.histogram.add(decodeHistogram(row.hdr));
  }

  /** A scenario row of a finished second: the level's dropped iterations. */
  addScenario(row: SeriesScenarioRow): void {
    const acc = this.accumulator(row.scenario);
    if (acc !== undefined) acc.dropped += row.dropped_iterations;
  }

  /** The run's row of a finished second: VUs and generator CPU, for the level scheduled then. */
  addRunSecond(row: SeriesSecondRow): void {
    const level = this.levels.find(
      (l) => row.t >= l.startSeconds && row.t < l.startSeconds + l.durationSeconds,
    );
    const acc = level && this.accumulator(level.scenario);
    if (acc === undefined) return;
    acc.peakVus = Math.max(acc.peakVus ?? 0, row.vus);
    if (row.generator_cpu_percent !== undefined) {
      acc.cpuSum += row.generator_cpu_percent;
      acc.cpuSeconds++;
    }
  }

  private accumulator(scenario: string): LevelAccumulator | undefined {
    if (!this.levels.some((l) => l.scenario === scenario)) return undefined;
    let acc = this.totals.get(scenario);
    if (acc === undefined) {
      acc = {
        requests: 0,
        failed: 0,
        histogram: createLatencyHistogram(),
        dropped: 0,
        peakVus: null,
        cpuSum: 0,
        cpuSeconds: 0,
      };
      this.totals.set(scenario, acc);
    }
    return acc;
  }

  /**
   * Levels whose seconds are all in once second `lastT` is finished (one second past their
   * end, for requests still in flight at the end), once each; with `all`, every remaining one.
   */
  takeFinished(lastT: number, all: boolean): LevelFigures[] {
    const done: LevelFigures[] = [];
    while (this.next < this.levels.length) {
      const level = this.levels[this.next] as ProgressPlan['levels'][number];
      if (!all && lastT < Math.ceil(level.startSeconds + level.durationSeconds)) break;
      const acc = this.totals.get(level.scenario);
      done.push({
        scenario: level.scenario,
        index: ++this.next,
        of: this.levels.length,
        targetRps: level.targetRps,
        achievedRps: (acc?.requests ?? 0) / level.durationSeconds,
        requests: acc?.requests ?? 0,
        failed: acc?.failed ?? 0,
        p95: acc ? p95Of(acc.histogram) : null,
        dropped: acc?.dropped ?? 0,
        peakVus: acc?.peakVus ?? null,
        generatorCpu: acc && acc.cpuSeconds > 0 ? acc.cpuSum / acc.cpuSeconds : null,
      });
    }
    return done;
  }
}
