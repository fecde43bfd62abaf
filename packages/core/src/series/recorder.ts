// Folds samples into the per-second series. One implementation for both engines: node-runner
// feeds it as requests complete, the k6 NDJSON reader feeds it the recorded points. A bucket is
// finalised once the clock has moved `openSeconds` seconds past its end, so memory holds only the open
// buckets and the finished rows (small plain objects). It sits on node-runner's hot path (one
// call per request): a request's row is found through a cached (scenario, name) key object, no
// string is built per sample, and a finished bucket's histograms are reset and reused.
import type {
  RunSeries,
  SeriesRequestRow,
  SeriesScenarioRow,
  SeriesSecondRow,
} from '../run/series.js';
import { emptyScenarioRow, SERIES_VERSION } from '../run/series.js';
import {
  createLatencyHistogram,
  encodeHistogram,
  type LatencyHistogram,
  latencyStatsOf,
  recordLatency,
} from './histogram.js';

/** What a finished second holds, handed to `onSecond` (live progress, streaming writers). */
export interface FinishedSecond {
  t: number;
  requests: SeriesRequestRow[];
  scenarios: SeriesScenarioRow[];
  second: SeriesSecondRow | null;
}

/** Options of a recorder. */
export interface SeriesRecorderOptions {
  /** Epoch milliseconds at which bucket 0 starts. */
  startMs: number;
  engine: RunSeries['engine'];
  /** Whole seconds a finished second stays open for late samples (default 1). */
  openSeconds?: number;
  /** Called once per finished second, in order. */
  onSecond?: (second: FinishedSecond) => void;
  /**
   * Keep the finished rows for `finish()` (default true). A producer that hands every finished
   * second on through `onSecond` (and keeps them elsewhere) passes false: `finish()` then
   * returns only the seconds it finishes itself.
   */
  retainRows?: boolean;
}

/** One (scenario, request name) pair: the key of its rows in every bucket. */
interface RequestKey {
  scenario: string;
  name: string;
}

/** A request row of an open second: its counts so far, and what its latency stats come from. */
interface OpenRequest extends Omit<SeriesRequestRow, 't' | 'duration_ms' | 'hdr'> {
  histogram: LatencyHistogram;
  sum: number;
  min: number;
  max: number;
}

type OpenScenario = Omit<SeriesScenarioRow, 't'>;

interface OpenBucket {
  requests: Map<RequestKey, OpenRequest>;
  scenarios: Map<string, OpenScenario>;
  second: SeriesSecondRow | null;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Per-second buckets of a run; `finish()` returns the whole `RunSeries`. */
export class SeriesRecorder {
  private readonly startMs: number;
  private readonly openSeconds: number;
  private readonly engine: RunSeries['engine'];
  private readonly onSecond: ((second: FinishedSecond) => void) | undefined;
  private readonly retainRows: boolean;
  private readonly open = new Map<number, OpenBucket>();
  /** Request keys by scenario, then name: found with two map reads, no string concatenation. */
  private readonly keys = new Map<string, Map<string, RequestKey>>();
  /** Histograms of finished buckets, reset, for the next buckets. */
  private readonly spareHistograms: LatencyHistogram[] = [];
  /** Buckets below this index are finished; a late sample for them goes to the oldest open one. */
  private firstOpen = 0;
  private readonly requestRows: SeriesRequestRow[] = [];
  private readonly scenarioRows: SeriesScenarioRow[] = [];
  private readonly secondRows: SeriesSecondRow[] = [];

  constructor(options: SeriesRecorderOptions) {
    this.startMs = options.startMs;
    this.engine = options.engine;
    this.openSeconds = options.openSeconds ?? 1;
    this.onSecond = options.onSecond;
    this.retainRows = options.retainRows ?? true;
  }

  /** One HTTP request, at the time it completed. */
  recordRequest(
    timeMs: number,
    scenario: string,
    name: string,
    durationMs: number,
    status: number,
    failed: boolean,
    errorCode?: string | number,
  ): void {
    const bucket = this.bucketAt(timeMs);
    const key = this.requestKey(scenario, name);
    let row = bucket.requests.get(key);
    if (row === undefined) {
      row = {
        scenario,
        name,
        requests: 0,
        failed: 0,
        status: {},
        error_codes: {},
        histogram: this.spareHistograms.pop() ?? createLatencyHistogram(),
        sum: 0,
        min: Number.POSITIVE_INFINITY,
        max: Number.NEGATIVE_INFINITY,
      };
      bucket.requests.set(key, row);
    }
    row.requests++;
    if (failed) row.failed++;
    bump(row.status, String(status));
    if (errorCode !== undefined && errorCode !== '' && errorCode !== 0) {
      bump(row.error_codes, String(errorCode));
    }
    recordLatency(row.histogram, durationMs);
    row.sum += durationMs;
    if (durationMs < row.min) row.min = durationMs;
    if (durationMs > row.max) row.max = durationMs;
  }

  /** A completed iteration. */
  recordIteration(timeMs: number, scenario: string): void {
    this.scenarioAt(timeMs, scenario).iterations++;
  }

  /** Iterations an arrival-rate executor could not start (no free VU). */
  recordDropped(timeMs: number, scenario: string, count = 1): void {
    this.scenarioAt(timeMs, scenario).dropped_iterations += count;
  }

  /** Bytes received and sent (k6 emits them per iteration). */
  recordData(timeMs: number, scenario: string, received: number, sent: number): void {
    const row = this.scenarioAt(timeMs, scenario);
    row.data_received += received;
    row.data_sent += sent;
  }

  /** One check result. */
  recordCheck(timeMs: number, scenario: string, passed: boolean): void {
    const row = this.scenarioAt(timeMs, scenario);
    if (passed) row.checks_passed++;
    else row.checks_failed++;
  }

  /** The rate an arrival-rate executor aims at during this second. */
  recordTargetRate(timeMs: number, scenario: string, rate: number): void {
    this.scenarioAt(timeMs, scenario).target_rate = rate;
  }

  /** The once-a-second gauges (VUs, generator health); the last one in a second wins. */
  recordSecond(timeMs: number, values: Omit<SeriesSecondRow, 't'>): void {
    const t = this.indexAt(timeMs);
    this.bucketAt(timeMs).second = { t, ...values };
  }

  /**
   * Finishes every second that ended more than `openSeconds` ago (call at least once a
   * second); the current second is never finished here.
   */
  advance(nowMs: number): void {
    const limit = this.indexAt(nowMs) - 1 - this.openSeconds;
    while (this.firstOpen <= limit) this.finishBucket(this.firstOpen++);
  }

  /** Finishes every open bucket and returns the whole series. */
  finish(startedAt = new Date(this.startMs).toISOString()): RunSeries {
    const last = Math.max(this.firstOpen - 1, ...this.open.keys());
    while (this.firstOpen <= last) this.finishBucket(this.firstOpen++);
    return {
      version: SERIES_VERSION,
      interval_seconds: 1,
      started_at: startedAt,
      engine: this.engine,
      requests: this.requestRows,
      scenarios: this.scenarioRows,
      seconds: this.secondRows,
    };
  }

  private requestKey(scenario: string, name: string): RequestKey {
    let names = this.keys.get(scenario);
    if (names === undefined) {
      names = new Map();
      this.keys.set(scenario, names);
    }
    let key = names.get(name);
    if (key === undefined) {
      key = { scenario, name };
      names.set(name, key);
    }
    return key;
  }

  private indexAt(timeMs: number): number {
    return Math.max(0, Math.floor((timeMs - this.startMs) / 1000));
  }

  private bucketAt(timeMs: number): OpenBucket {
    // A sample later than its bucket's finish counts in the oldest open second, so no
    // sample is ever lost and the totals always equal the summary's.
    const t = Math.max(this.indexAt(timeMs), this.firstOpen);
    let bucket = this.open.get(t);
    if (bucket === undefined) {
      bucket = { requests: new Map(), scenarios: new Map(), second: null };
      this.open.set(t, bucket);
    }
    return bucket;
  }

  private scenarioAt(timeMs: number, scenario: string): OpenScenario {
    const bucket = this.bucketAt(timeMs);
    let row = bucket.scenarios.get(scenario);
    if (row === undefined) {
      row = emptyScenarioRow(scenario);
      bucket.scenarios.set(scenario, row);
    }
    return row;
  }

  private finishBucket(t: number): void {
    const bucket = this.open.get(t);
    this.open.delete(t);
    const finished: FinishedSecond = { t, requests: [], scenarios: [], second: null };
    if (bucket !== undefined) {
      for (const r of bucket.requests.values()) {
        finished.requests.push({
          t,
          scenario: r.scenario,
          name: r.name,
          requests: r.requests,
          failed: r.failed,
          status: r.status,
          error_codes: r.error_codes,
          duration_ms: latencyStatsOf(r.histogram, { min: r.min, max: r.max, sum: r.sum }),
          hdr: encodeHistogram(r.histogram),
        });
        r.histogram.reset();
        this.spareHistograms.push(r.histogram);
      }
      for (const s of bucket.scenarios.values()) finished.scenarios.push({ t, ...s });
      finished.second = bucket.second;
    }
    if (this.retainRows) {
      this.requestRows.push(...finished.requests);
      this.scenarioRows.push(...finished.scenarios);
      if (finished.second) this.secondRows.push(finished.second);
    }
    this.onSecond?.(finished);
  }
}
