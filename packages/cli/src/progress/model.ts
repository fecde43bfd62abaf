// What live progress shows, from the run's plan and the finished seconds of its series: the
// figures of the last finished second per scenario, running totals, and each sweep level's
// verdict once it is over. Pure: the display draws snapshots, tests feed synthetic seconds.
import {
  type RunPhase,
  type ScenarioSchedule,
  type SeriesRequestRow,
  targetRateAt,
} from '@rota-perf/core';
import {
  createLatencyHistogram,
  decodeHistogram,
  type FinishedSecond,
} from '@rota-perf/core/series';
import { type LevelFigures, LevelTracker, p95Of } from './levels.js';

export type { LevelFigures } from './levels.js';

/** What the run will do, known before it starts. */
export interface ProgressPlan {
  /** `bench performance`, `probe --adaptive: bisect 35 RPS`. */
  title: string;
  /** Planned length of the test (after setup), seconds. */
  totalSeconds: number;
  schedule: ScenarioSchedule[];
  /** Phases on the test's clock (warm-up, plateau, …, or the sweep's levels). */
  phases: RunPhase[];
  /** Sweep levels: a one-line verdict each once over. */
  levels: { scenario: string; targetRps: number; startSeconds: number; durationSeconds: number }[];
}

/** One scenario's figures in the last finished second. */
export interface ScenarioFigures {
  name: string;
  /** The schedule's rate in that second (now, before any second has finished). */
  target: number | null;
  achieved: number;
  p95: number | null;
  errors: number;
}

/** Everything a frame or a heartbeat line shows at one moment. */
export interface ProgressSnapshot {
  title: string;
  /** Seconds since the test started; null while it is being set up. */
  elapsed: number | null;
  /** Seconds since the engine was started (setup included); null before. */
  sinceLaunch: number | null;
  totalSeconds: number;
  phase: string | null;
  scenarios: ScenarioFigures[];
  total: ScenarioFigures & { vus: number | null; vusMax: number | null };
  requests: number;
  failed: number;
  dropped: number;
  /** Status code classes over the run so far: `2xx`, `4xx`, `5xx`, `none` (no response). */
  statuses: Record<string, number>;
}

const statusClass = (code: string) => (code === '0' ? 'none' : `${code.charAt(0)}xx`);

/** Folds finished seconds into the figures progress shows. */
export class ProgressModel {
  private launchMs: number | null = null;
  private startMs: number | null = null;
  private last: FinishedSecond | null = null;
  private readonly totals = { requests: 0, failed: 0, dropped: 0 };
  private readonly statuses: Record<string, number> = {};
  private readonly levels: LevelTracker;

  constructor(readonly plan: ProgressPlan) {
    this.levels = new LevelTracker(plan.levels);
  }

  /** The engine was started (setup begins) at `launchMs`. */
  launch(launchMs: number): void {
    this.launchMs ??= launchMs;
  }

  /** The test started (bucket 0 of the series) at `startMs`. */
  start(startMs: number): void {
    this.startMs = startMs;
  }

  get started(): boolean {
    return this.startMs !== null;
  }

  /** One finished second of the series. */
  addSecond(second: FinishedSecond): void {
    this.last = second;
    for (const row of second.requests) {
      this.totals.requests += row.requests;
      this.totals.failed += row.failed;
      for (const [code, n] of Object.entries(row.status)) {
        const key = statusClass(code);
        this.statuses[key] = (this.statuses[key] ?? 0) + n;
      }
      this.levels.add(row);
    }
    for (const row of second.scenarios) {
      this.totals.dropped += row.dropped_iterations;
      this.levels.addScenario(row);
    }
    if (second.second !== null) this.levels.addRunSecond(second.second);
  }

  /** Sweep levels whose seconds are all in, once each; with `all`, every remaining one. */
  takeFinishedLevels(all = false): LevelFigures[] {
    return this.levels.takeFinished(this.last?.t ?? -1, all);
  }

  /** The figures at `nowMs`. */
  snapshot(nowMs: number): ProgressSnapshot {
    const elapsed = this.startMs === null ? null : Math.max(0, (nowMs - this.startMs) / 1000);
    const rows = this.last?.requests ?? [];
    // Target and achieved describe the same second: the last finished one (its middle, where a
    // ramp's rate is the second's mean), not now: a ramp moves on in the 1-2 s a second takes
    // to finish, and the two would differ by that alone.
    const measuredAt = this.last === null ? elapsed : this.last.t + 0.5;
    const scenarios = this.plan.schedule.map((s) =>
      this.figures(
        s.name,
        measuredAt === null ? null : targetRateAt(s, measuredAt),
        rows.filter((r) => r.scenario === s.name),
      ),
    );
    const targets = scenarios.map((s) => s.target).filter((t): t is number => t !== null);
    const total = this.figures(
      'total',
      targets.length > 0 ? targets.reduce((a, b) => a + b, 0) : null,
      rows,
    );
    const second = this.last?.second ?? null;
    return {
      title: this.plan.title,
      elapsed,
      sinceLaunch: this.launchMs === null ? null : Math.max(0, (nowMs - this.launchMs) / 1000),
      totalSeconds: this.plan.totalSeconds,
      phase: elapsed === null ? null : this.phaseAt(elapsed),
      scenarios,
      total: { ...total, vus: second?.vus ?? null, vusMax: second?.vus_max ?? null },
      requests: this.totals.requests,
      failed: this.totals.failed,
      dropped: this.totals.dropped,
      statuses: { ...this.statuses },
    };
  }

  private figures(
    name: string,
    target: number | null,
    rows: readonly SeriesRequestRow[],
  ): ScenarioFigures {
    const histogram = createLatencyHistogram();
    let achieved = 0;
    let errors = 0;
    for (const row of rows) {
      achieved += row.requests;
      errors += row.failed;
      histogram.add(decodeHistogram(row.hdr));
    }
    return { name, target, achieved, p95: p95Of(histogram), errors };
  }

  private phaseAt(elapsed: number): string | null {
    const phase = this.plan.phases.find(
      (p) => elapsed >= p.start_seconds && elapsed < p.end_seconds,
    );
    if (phase) return phase.name;
    return elapsed >= this.plan.totalSeconds ? 'finishing' : null;
  }
}
