// The supervisor's side of the per-second series: it receives the finished seconds the engine
// thread posts once a second, hands them on (onSeconds: live progress) and writes the series
// file at the end. It holds what was measured whatever happens to the engine thread: after a
// blocked thread is stopped, after Ctrl-C, and even when the process exits at once (second
// Ctrl-C), the file is written with the seconds received so far.
import { type RunSeries, SERIES_VERSION } from '@rota-perf/core';
import type { FinishedSecond } from '@rota-perf/core/series';
import type { SeriesResume } from '../engine/engine.js';
import { writeFileAtomic } from '../summary/outputs.js';
import { logLine } from '../util/logfmt.js';

/** Gathers a run's finished seconds; writes `<file>` once. */
export class SeriesCollector {
  private startMs: number | null = null;
  /** The next second expected: anything older was already handed on. */
  private next = 0;
  private readonly rows: Pick<RunSeries, 'requests' | 'scenarios' | 'seconds'> = {
    requests: [],
    scenarios: [],
    seconds: [],
  };
  private written = false;
  private readonly onExit = () => this.write();

  /** `file`: absolute path of the series file (none: not written). */
  constructor(
    private readonly file: string | undefined,
    private readonly onSeconds: ((seconds: FinishedSecond[]) => void) | undefined,
  ) {}

  /** Whether the engine has to record the series at all. */
  get wanted(): boolean {
    return this.file !== undefined || this.onSeconds !== undefined;
  }

  /** The test started (the first engine thread's run phase). */
  start(startMs: number): void {
    if (this.startMs !== null) return;
    this.startMs = startMs;
    if (this.file !== undefined) process.on('exit', this.onExit);
  }

  /** Finished seconds from an engine thread, in order; seconds already received are ignored. */
  add(seconds: readonly FinishedSecond[]): void {
    const fresh = seconds.filter((s) => s.t >= this.next);
    const last = fresh.at(-1);
    if (last === undefined) return;
    this.next = last.t + 1;
    if (this.file !== undefined) {
      for (const s of fresh) {
        this.rows.requests.push(...s.requests);
        this.rows.scenarios.push(...s.scenarios);
        if (s.second) this.rows.seconds.push(s.second);
      }
    }
    this.onSeconds?.(fresh);
  }

  /** Where a fresh engine thread finishing the test picks up (undefined before the start). */
  resumePoint(): SeriesResume | undefined {
    return this.startMs === null ? undefined : { startMs: this.startMs, firstSecond: this.next };
  }

  /**
   * Writes the series file atomically (once; nothing when the test never started). A file
   * that cannot be written is reported in one line; the run's exit code stays what it was.
   */
  write(): void {
    if (this.written || this.file === undefined || this.startMs === null) return;
    this.written = true;
    process.off('exit', this.onExit);
    const series: RunSeries = {
      version: SERIES_VERSION,
      interval_seconds: 1,
      started_at: new Date(this.startMs).toISOString(),
      engine: 'node-runner',
      ...this.rows,
    };
    try {
      writeFileAtomic(this.file, `${JSON.stringify(series)}\n`);
    } catch (err) {
      logLine('error', `could not write the series: ${(err as Error).message}`);
    }
  }
}
