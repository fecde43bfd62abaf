// The sweep levels of a run as progress shows them: each level's requests, failures and
// latency added up as its seconds finish, and its one-line verdict once they are all in.
import type { SeriesRequestRow } from '@rota-perf/core';
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
}

interface LevelAccumulator {
  requests: number;
  failed: number;
  histogram: LatencyHistogram;
}

/** Adds up each level's seconds and hands over the finished levels in order. */
export class LevelTracker {
  private readonly totals = new Map<string, LevelAccumulator>();
  private next = 0;

  constructor(private readonly levels: ProgressPlan['levels']) {}

  /** A request row of a finished second (rows of other scenarios are ignored). */
  add(row: SeriesRequestRow): void {
    if (!this.levels.some((l) => l.scenario === row.scenario)) return;
    let acc = this.totals.get(row.scenario);
    if (acc === undefined) {
      acc = { requests: 0, failed: 0, histogram: createLatencyHistogram() };
      this.totals.set(row.scenario, acc);
    }
    acc.requests += row.requests;
    acc.failed += row.failed;
    acc.histogram.add(decodeHistogram(row.hdr));
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
      });
    }
    return done;
  }
}
