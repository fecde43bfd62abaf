// What the adaptive search's run record is made of: its level runs put on one clock (one
// series for the whole search, each level a phase), and their summaries added up.
import type { RunCheck, RunPhase, RunSeries } from '@rota-perf/core';
import { type LevelRunPhase, levelRunPhaseName } from '@rota-perf/rps-sweeper';
import type { LevelRun } from '../adaptive.js';
import type { SummaryFacts } from './summary-export.js';

/**
 * The level runs' series as one, on the clock of the first level's start (each level shifted
 * by whole seconds, never overlapping the previous one); null when no level has a series.
 */
export function combineSeries(runs: readonly LevelRun[]): RunSeries | null {
  const withSeries = runs.filter((r) => r.series !== null);
  const first = withSeries[0]?.series;
  if (!first) return null;
  const origin = Date.parse(first.started_at);
  const combined: RunSeries = { ...first, requests: [], scenarios: [], seconds: [] };
  let nextFree = 0;
  for (const run of withSeries) {
    const series = run.series as RunSeries;
    const shift = Math.max(nextFree, Math.floor((Date.parse(series.started_at) - origin) / 1000));
    let last = shift - 1;
    for (const row of series.requests) {
      combined.requests.push({ ...row, t: row.t + shift });
      last = Math.max(last, row.t + shift);
    }
    for (const row of series.scenarios) {
      combined.scenarios.push({ ...row, t: row.t + shift });
      last = Math.max(last, row.t + shift);
    }
    for (const row of series.seconds) {
      combined.seconds.push({ ...row, t: row.t + shift });
      last = Math.max(last, row.t + shift);
    }
    nextFree = last + 1;
  }
  return combined;
}

/** One phase per level run, in seconds from `startedAtMs` (the record's start). */
export function levelPhases(
  runs: readonly (LevelRun & { phase: LevelRunPhase })[],
  startedAtMs: number,
): RunPhase[] {
  return runs
    .filter((r) => r.testStartMs !== null)
    .map((r) => {
      const start = ((r.testStartMs as number) - startedAtMs) / 1000;
      return {
        name: levelRunPhaseName(r.phase, r.rate),
        start_seconds: start,
        end_seconds: start + r.durationSeconds,
        target_rps: r.rate,
      };
    });
}

/** The level runs' summaries as one: thresholds listed, checks and counts added up. */
export function mergeSummaries(summaries: readonly (SummaryFacts | null)[]): SummaryFacts | null {
  const present = summaries.filter((s): s is SummaryFacts => s !== null);
  if (present.length === 0) return null;
  const checks = new Map<string, RunCheck>();
  for (const s of present) {
    for (const c of s.checks) {
      const seen = checks.get(c.name) ?? { name: c.name, passes: 0, fails: 0 };
      seen.passes += c.passes;
      seen.fails += c.fails;
      checks.set(c.name, seen);
    }
  }
  const sum = (pick: (s: SummaryFacts) => number | null) =>
    present.reduce((n, s) => n + (pick(s) ?? 0), 0);
  return {
    thresholds: present.flatMap((s) => s.thresholds),
    checks: [...checks.values()],
    requests: sum((s) => s.requests),
    // Rates of separate runs do not add up: the record derives the rate from the series.
    requestRate: null,
    droppedIterations: sum((s) => s.droppedIterations),
  };
}
