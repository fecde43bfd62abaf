// node-runner's side of the per-second series: the engine calls this where it records the
// matching summary metrics (a request, an iteration, a dropped start, bytes, a check), so the
// series' totals equal the summary's. Buckets are core's SeriesRecorder; finished seconds are
// collected here and posted to the supervisor once a second.
import { type FinishedSecond, SeriesRecorder } from '@rota-perf/core/series';
import type { ScenarioConfig } from '../options/scenarios.js';
import { targetRateAt } from './target-rate.js';

/** The once-a-second gauges of the whole run. */
export interface SecondGauges {
  vus: number;
  vusMax: number;
  cpuPercent: number | undefined;
  lagMs: number | undefined;
}

type Deferred = (recorder: SeriesRecorder, startMs: number) => void;

/** Feeds a run's samples into its per-second series. */
export class SeriesTap {
  private recorder: SeriesRecorder | null = null;
  /** Samples taken before the test started (setup()): they count in second 0. */
  private beforeStart: Deferred[] = [];
  private closed = false;
  private finished: FinishedSecond[] = [];
  private startMs = 0;
  private scenarios: readonly ScenarioConfig[] = [];
  /** The first second that still needs its target rates. */
  private nextTargetSecond = 0;
  /** Seconds below this were delivered by an earlier engine thread of the same test. */
  private firstSecond = 0;

  /** The test starts: bucket 0 begins at `startMs` (Date.now() clock). */
  start(startMs: number, scenarios: readonly ScenarioConfig[], firstSecond = 0): void {
    this.startMs = startMs;
    this.scenarios = scenarios;
    this.firstSecond = firstSecond;
    this.nextTargetSecond = firstSecond;
    // Every sample is recorded at the time it is taken, so a finished second gets none later.
    const recorder = new SeriesRecorder({
      startMs,
      engine: 'node-runner',
      openSeconds: 0,
      retainRows: false,
      onSecond: (s) => {
        if (s.t >= this.firstSecond) this.finished.push(s);
      },
    });
    for (const replay of this.beforeStart) replay(recorder, startMs);
    this.beforeStart = [];
    this.recorder = recorder;
  }

  request(
    scenario: string,
    name: string,
    durationMs: number,
    status: number,
    failed: boolean,
    errorCode: number,
  ): void {
    const r = this.recorder;
    if (r !== null)
      r.recordRequest(Date.now(), scenario, name, durationMs, status, failed, errorCode);
    else
      this.defer((rec, at) =>
        rec.recordRequest(at, scenario, name, durationMs, status, failed, errorCode),
      );
  }

  iteration(scenario: string): void {
    const r = this.recorder;
    if (r !== null) r.recordIteration(Date.now(), scenario);
  }

  dropped(scenario: string): void {
    const r = this.recorder;
    if (r !== null) r.recordDropped(Date.now(), scenario);
  }

  data(scenario: string, received: number, sent: number): void {
    const r = this.recorder;
    if (r !== null) r.recordData(Date.now(), scenario, received, sent);
    else this.defer((rec, at) => rec.recordData(at, scenario, received, sent));
  }

  check(scenario: string, passed: boolean): void {
    const r = this.recorder;
    if (r !== null) r.recordCheck(Date.now(), scenario, passed);
    else this.defer((rec, at) => rec.recordCheck(at, scenario, passed));
  }

  /**
   * The once-a-second tick, `elapsedMs` after the start: the gauges go into the second that
   * begins then (where k6's vus samples fall), and every second that has ended is finished.
   */
  tick(elapsedMs: number, gauges: SecondGauges): void {
    const r = this.recorder;
    if (r === null) return;
    const t = Math.round(elapsedMs / 1000);
    r.recordSecond(this.startMs + t * 1000, {
      vus: gauges.vus,
      vus_max: gauges.vusMax,
      ...(gauges.cpuPercent !== undefined ? { generator_cpu_percent: gauges.cpuPercent } : {}),
      ...(gauges.lagMs !== undefined ? { generator_event_loop_lag_ms: gauges.lagMs } : {}),
    });
    const now = Date.now();
    this.recordTargets(Math.floor((now - this.startMs) / 1000) - 1);
    r.advance(now);
  }

  /** The finished seconds not yet handed on. */
  drain(): FinishedSecond[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  /** Finishes every second (the summary is being built: later samples are not counted). */
  finish(): FinishedSecond[] {
    const r = this.recorder;
    this.closed = true;
    this.beforeStart = [];
    if (r === null) return [];
    this.recorder = null;
    this.recordTargets(Math.floor((Date.now() - this.startMs) / 1000), r);
    r.finish();
    return this.drain();
  }

  private defer(replay: Deferred): void {
    if (!this.closed) this.beforeStart.push(replay);
  }

  /** Records each arrival-rate scenario's target rate for the seconds up to `last`. */
  private recordTargets(last: number, r = this.recorder): void {
    if (r === null) return;
    for (; this.nextTargetSecond <= last; this.nextTargetSecond++) {
      const t = this.nextTargetSecond;
      for (const cfg of this.scenarios) {
        const rate = targetRateAt(cfg, (t + 0.5) * 1000 - cfg.startTimeMs);
        if (rate !== undefined)
          r.recordTargetRate(this.startMs + t * 1000, cfg.name, Math.round(rate * 1000) / 1000);
      }
    }
  }
}
