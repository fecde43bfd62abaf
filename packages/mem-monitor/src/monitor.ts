// The sampling loop: one step per interval on a fixed schedule (no drift), bounded by the
// duration, ended by the process exiting (unless follow) or by stop().
import { type MemorySample, type MemorySummary, summariseMemory } from '@rota-perf/core';
import { type CsvLog, openCsvLog } from './csv-file.js';
import { resolveSettings } from './options.js';
import { createDefaultSource } from './source.js';
import { createTracker } from './tracker.js';
import type { MonitorEvent, MonitorHandle, MonitorOptions, StopReason } from './types.js';

/** While waiting for a match, repeat the "waiting" message at most this often, ms. */
const WAITING_MESSAGE_EVERY_MS = 10_000;

/**
 * Starts sampling a process (by command-line pattern or pid) at a fixed interval.
 * Throws UsageError at once for bad options or an unwritable output file.
 */
export function startMonitor(options: MonitorOptions): MonitorHandle {
  const settings = resolveSettings(options);
  const csv: CsvLog | null = options.output ? openCsvLog(options.output) : null;
  const source = options.source ?? createDefaultSource();
  const emit = (event: MonitorEvent) => options.onEvent?.(event);
  const step = createTracker(settings, source, emit);
  const samples: MemorySample[] = [];
  const startedAt = Date.now();
  const deadline = settings.durationMs === null ? null : startedAt + settings.durationMs;
  const targetText =
    settings.target.kind === 'pid'
      ? `pid ${settings.target.pid}`
      : `a process whose command line matches ${JSON.stringify(settings.target.text)}`;

  let stopReason: StopReason | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let lastWaitingMessage: number | null = null;
  let resolveDone: (summary: MemorySummary) => void = () => {};
  const done = new Promise<MemorySummary>((resolve) => {
    resolveDone = resolve;
  });

  function finish(reason: StopReason, message: string): void {
    if (stopReason !== null) return;
    stopReason = reason;
    if (timer) clearTimeout(timer);
    csv?.close();
    emit({ kind: 'stopped', reason, message });
    resolveDone(summariseMemory(samples));
  }

  function waiting(at: number): void {
    if (lastWaitingMessage !== null && at - lastWaitingMessage < WAITING_MESSAGE_EVERY_MS) return;
    const since =
      lastWaitingMessage === null ? '' : ` (${((at - startedAt) / 1000).toFixed(0)} s so far)`;
    lastWaitingMessage = at;
    emit({ kind: 'waiting', message: `waiting for ${targetText}${since}` });
  }

  async function tick(): Promise<void> {
    const at = Date.now();
    const result = await step(at);
    if (stopReason !== null) return;
    if (result.kind === 'sample') {
      lastWaitingMessage = null;
      const sample: MemorySample = {
        timestamp: new Date(at).toISOString(),
        elapsedSeconds: (at - startedAt) / 1000,
        pid: result.usage.pid,
        name: result.usage.name,
        rssBytes: result.usage.rssBytes,
        vmsBytes: result.usage.vmsBytes,
        cpuPercent: result.usage.cpuPercent,
        matchedCount: result.usage.processCount,
      };
      samples.push(sample);
      csv?.append(sample);
    } else if (result.kind === 'waiting') {
      waiting(at);
    } else if (result.kind === 'not-found') {
      finish(
        'not-found',
        `pid ${settings.target.kind === 'pid' ? settings.target.pid : '?'} is not running`,
      );
    } else if (settings.follow) {
      waiting(at);
    } else {
      finish(
        'exited',
        `the monitored process exited after ${((at - startedAt) / 1000).toFixed(1)} s`,
      );
    }
  }

  function schedule(): void {
    if (stopReason !== null) return;
    const now = Date.now();
    // Next slot on the fixed grid; a slow step skips slots rather than bunching samples.
    const slot = Math.floor((now - startedAt) / settings.intervalMs) + 1;
    const next = startedAt + slot * settings.intervalMs;
    if (deadline !== null && next > deadline) {
      const seconds = (deadline - startedAt) / 1000;
      timer = setTimeout(
        () => finish('duration', `duration of ${seconds} s reached`),
        Math.max(0, deadline - now),
      );
      return;
    }
    timer = setTimeout(run, next - now);
  }

  function run(): void {
    timer = null;
    running = tick()
      .catch((error: unknown) => {
        finish(
          'error',
          `sampling failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        running = null;
        schedule();
      });
  }

  run();

  return {
    samples,
    done,
    get stopReason() {
      return stopReason;
    },
    async stop() {
      if (stopReason === null) {
        if (timer) clearTimeout(timer);
        // Let an in-flight step finish so its sample reaches the CSV before it closes.
        await running;
        finish('stopped', 'stopped on request');
      }
      return done;
    },
  };
}
