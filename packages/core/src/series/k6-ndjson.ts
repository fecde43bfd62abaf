// Reads k6's `--out json` stream (NDJSON: a `Metric` line the first time a metric appears,
// then one `Point` line per sample with its time and full tag set) into the per-second series,
// through the same SeriesRecorder node-runner uses. Line by line, so a file being written can
// be followed while k6 runs and a file of any length read in constant memory (rows aside).
import type { RunSeries } from '../run/series.js';
import { type FinishedSecond, SeriesRecorder } from './recorder.js';

/** Options of a reader. */
export interface K6NdjsonReaderOptions {
  /** The rate an arrival-rate scenario aims at `t` s after the test start (from its options). */
  targetRate?: (scenario: string, t: number) => number | null;
  /** Called once per finished second, in order. */
  onSecond?: (second: FinishedSecond) => void;
}

/** A metric as its `Metric` line declares it. */
export interface K6MetricDeclaration {
  type: string;
  contains: string;
  thresholds: string[];
}

interface Sample {
  metric: string;
  timeMs: number;
  value: number;
  tags: Record<string, string>;
}

// Setup samples before the first scenario sample are kept until the test start is known; a
// script that never tags a scenario starts at its first sample after this many.
const MAX_PENDING = 10_000;

/** Epoch ms of an RFC 3339 time with nanoseconds (`2026-12-01T05:29:40.46884458Z`). */
export function parseK6Time(text: string): number {
  // Date.parse takes at most milliseconds portably: cut the fraction to three digits.
  return Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
}

/** Folds k6 NDJSON lines into a RunSeries; `finish()` returns it. */
export class K6NdjsonReader {
  /** Metrics declared so far, by name. */
  readonly metrics = new Map<string, K6MetricDeclaration>();
  /** Lines that were not JSON (a line cut short when k6 was killed, for instance). */
  malformedLines = 0;
  private recorder: SeriesRecorder | null = null;
  private pending: Sample[] = [];
  private lastSetupMs: number | null = null;
  private readonly lastRateSecond = new Map<string, number>();
  private vus = 0;
  private vusMax = 0;
  private latestMs = 0;
  private testStartMs = 0;

  constructor(private readonly options: K6NdjsonReaderOptions = {}) {}

  /** Epoch ms of the test start (after setup) once known, else null. */
  get startMs(): number | null {
    return this.recorder === null ? null : this.testStartMs;
  }

  /** One line of the file (without its newline); blank lines are ignored. */
  pushLine(line: string): void {
    if (line.trim() === '') return;
    let entry: { type?: string; metric?: string; data?: Record<string, unknown> };
    try {
      entry = JSON.parse(line);
    } catch {
      this.malformedLines++;
      return;
    }
    const data = entry.data ?? {};
    if (entry.type === 'Metric') {
      this.metrics.set(String(data.name ?? entry.metric), {
        type: String(data.type),
        contains: String(data.contains),
        thresholds: Array.isArray(data.thresholds) ? data.thresholds.map(String) : [],
      });
      return;
    }
    if (entry.type !== 'Point' || typeof entry.metric !== 'string') return;
    const sample: Sample = {
      metric: entry.metric,
      timeMs: parseK6Time(String(data.time)),
      value: Number(data.value),
      tags: (data.tags ?? {}) as Record<string, string>,
    };
    if (!Number.isFinite(sample.timeMs)) {
      this.malformedLines++;
      return;
    }
    this.route(sample);
  }

  /** Finishes every open second and returns the series. */
  finish(): RunSeries {
    if (this.recorder === null) this.start(this.pending[0]?.timeMs ?? Date.now());
    return (this.recorder as SeriesRecorder).finish();
  }

  private route(sample: Sample): void {
    if (this.recorder === null) {
      const scenario = sample.tags.scenario ?? '';
      if (scenario === '' && this.pending.length < MAX_PENDING) {
        if ((sample.tags.group ?? '').startsWith('::setup')) this.lastSetupMs = sample.timeMs;
        this.pending.push(sample);
        return;
      }
      // The test starts when setup ends: its last sample; without setup, at this first sample.
      this.start(this.lastSetupMs ?? this.pending[0]?.timeMs ?? sample.timeMs);
    }
    this.record(sample);
  }

  private start(startMs: number): void {
    this.testStartMs = startMs;
    this.recorder = new SeriesRecorder({
      startMs,
      engine: 'k6',
      ...(this.options.onSecond ? { onSecond: this.options.onSecond } : {}),
    });
    const pending = this.pending;
    this.pending = [];
    for (const sample of pending) this.record(sample);
  }

  private record(sample: Sample): void {
    const recorder = this.recorder as SeriesRecorder;
    const { tags, timeMs, value } = sample;
    const scenario = tags.scenario ?? '';
    switch (sample.metric) {
      case 'http_req_duration':
        // http_req_failed is exactly `expected_response == false` (and absent with it).
        recorder.recordRequest(
          timeMs,
          scenario,
          tags.name ?? tags.url ?? '',
          value,
          Number(tags.status ?? 0) || 0,
          tags.expected_response === 'false',
          tags.error_code,
        );
        break;
      case 'iterations':
        recorder.recordIteration(timeMs, scenario);
        break;
      case 'dropped_iterations':
        recorder.recordDropped(timeMs, scenario, value);
        break;
      case 'data_received':
        recorder.recordData(timeMs, scenario, value, 0);
        break;
      case 'data_sent':
        recorder.recordData(timeMs, scenario, 0, value);
        break;
      case 'checks':
        recorder.recordCheck(timeMs, scenario, value !== 0);
        break;
      case 'vus':
      case 'vus_max':
        if (sample.metric === 'vus') this.vus = value;
        else this.vusMax = value;
        recorder.recordSecond(timeMs, { vus: this.vus, vus_max: this.vusMax });
        break;
      default:
        return;
    }
    if (scenario !== '') this.recordTargetRate(timeMs, scenario);
    if (timeMs > this.latestMs) {
      this.latestMs = timeMs;
      recorder.advance(timeMs);
    }
  }

  // Once per scenario and second: the rate its options aim at in the middle of that second.
  private recordTargetRate(timeMs: number, scenario: string): void {
    if (!this.options.targetRate) return;
    const t = Math.max(0, Math.floor((timeMs - this.testStartMs) / 1000));
    if ((this.lastRateSecond.get(scenario) ?? -1) >= t) return;
    this.lastRateSecond.set(scenario, t);
    const rate = this.options.targetRate(scenario, t + 0.5);
    if (rate !== null) (this.recorder as SeriesRecorder).recordTargetRate(timeMs, scenario, rate);
  }
}
