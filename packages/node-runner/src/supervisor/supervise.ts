import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FinishedSecond } from '@rota-perf/core/series';
import type { EngineResult } from '../engine/engine.js';
import type { Phase, Recovery, RunSnapshot } from '../engine/reporter.js';
import { SeriesCollector } from '../series/collector.js';
import type { RunPlan } from '../series/plan.js';
import { writeErr } from '../util/output.js';
import { deadlineFor, type Stall, stallOutcome, stopDeadline } from './deadlines.js';
import type { FromWorker, ToWorker, WorkerInput } from './messages.js';
import { summaryWithoutScript } from './summary-fallback.js';

/** Options of a supervised run (the engine's, minus what only the engine thread can hold). */
export type SupervisedOptions = Omit<WorkerInput['options'], 'series'>;

/** The run's time dimension, delivered in the supervisor's thread. */
export interface LiveSeriesOptions {
  /** Write the per-second series (`RunSeries` JSON) here at the end; relative to `cwd`. */
  seriesFile?: string;
  /** Once, when the test starts. */
  onPlan?: (plan: RunPlan) => void;
  /** Finished seconds in order, in batches (one a second while the test runs). */
  onSeconds?: (seconds: FinishedSecond[]) => void;
}

/** A run in progress: its result, and Ctrl-C. */
export interface Supervision {
  readonly result: Promise<EngineResult>;
  /** Acts like Ctrl-C: stop scheduling, graceful stop, teardown, handleSummary, exit 105. */
  abort(): void;
}

const workerEntry = new URL('./worker.js', import.meta.url);

/**
 * Runs a script in an engine thread and watches it. The supervisor holds no script state, only
 * what the engine reports (phase, setup data, a snapshot every second), so when VU code blocks
 * the engine thread past k6's deadline for the current phase, it stops the thread and finishes
 * the test (teardown, handleSummary) in a fresh one, as k6 would after interrupting the VU.
 */
export function superviseScript(
  script: string,
  options: SupervisedOptions,
  live: LiveSeriesOptions = {},
): Supervision {
  let signalled = false;
  let current: EngineThread | null = null;
  const file = live.seriesFile && resolve(options.cwd ?? process.cwd(), live.seriesFile);
  const series = new SeriesCollector(file || undefined, live.onSeconds);
  const hooks: ThreadHooks = {
    onRun: (phase) => {
      series.start(phase.startEpochMs);
      live.onPlan?.(phase.plan);
    },
    onSeconds: (seconds) => series.add(seconds),
  };
  const engineOptions = { ...options, series: series.wanted };
  const runToEnd = async (): Promise<EngineResult> => {
    let mode: WorkerInput['mode'] = 'run';
    let recovery: Recovery | undefined;
    for (;;) {
      const resume = mode === 'finish' ? series.resumePoint() : undefined;
      current = new EngineThread(
        {
          mode,
          script,
          options: engineOptions,
          tty: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
          ...(recovery ? { recovery } : {}),
          ...(resume ? { series: resume } : {}),
        },
        hooks,
      );
      if (signalled) current.abort();
      const end = await current.done;
      if (end.kind === 'result') return end.result;
      const next = stallOutcome(end.stall, signalled);
      if (next.kind === 'result') return next.result;
      if (next.kind === 'summary-only') return summaryWithoutScript(next.input, options);
      mode = 'finish';
      recovery = next.recovery;
    }
  };
  const result = runToEnd().finally(() => series.write());
  return {
    result,
    abort() {
      signalled = true;
      current?.abort();
    },
  };
}

type ThreadEnd = { kind: 'result'; result: EngineResult } | { kind: 'stalled'; stall: Stall };

/** What the supervisor does with an engine thread's reports besides watching its deadlines. */
interface ThreadHooks {
  onRun(phase: Extract<Phase, { name: 'run' }>): void;
  onSeconds(seconds: FinishedSecond[]): void;
}

/** One engine thread and what it reported, with the deadline of the phase it is in. */
class EngineThread {
  readonly done: Promise<ThreadEnd>;
  private readonly worker: Worker;
  private phase: Phase = { name: 'init' };
  private setup: Recovery['setup'];
  private snapshot: RunSnapshot | null;
  private deadline: { at: number; timer: NodeJS.Timeout } | null = null;
  private signalled = false;
  private setupSeen = false;
  private settle: (end: ThreadEnd) => void = () => {};

  constructor(
    input: WorkerInput,
    private readonly hooks: ThreadHooks,
  ) {
    this.setup = input.recovery?.setup ?? { defined: false, json: undefined };
    this.snapshot = input.recovery?.snapshot ?? null;
    this.worker = new Worker(workerEntry, { workerData: input });
    this.done = new Promise((resolve) => {
      this.settle = (end) => {
        this.settle = () => {};
        if (this.deadline) clearTimeout(this.deadline.timer);
        resolve(end);
      };
    });
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    let crash = '';
    this.worker.on('error', (err) => {
      crash = err.message;
    });
    this.worker.on('exit', (code) => this.stalled('died', code, crash));
  }

  abort(): void {
    this.signalled = true;
    this.worker.postMessage({ type: 'abort' } satisfies ToWorker);
    // A stop request gives running iterations gracefulStop, init and setup a moment.
    const stop = stopDeadline(this.phase, this.setupSeen, Date.now());
    if (stop !== null) this.arm(stop, true);
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'phase':
        this.phase = m.phase;
        if (m.phase.name === 'setup') this.setupSeen = true;
        if (m.phase.name === 'teardown') this.snapshot = m.phase.snapshot;
        if (m.phase.name === 'run') this.hooks.onRun(m.phase);
        this.arm(deadlineFor(m.phase, this.signalled, this.setupSeen), false);
        break;
      case 'setup':
        this.setup = { defined: m.defined, json: m.json };
        break;
      case 'snapshot':
        this.snapshot = m.snapshot;
        break;
      case 'seconds':
        this.hooks.onSeconds(m.seconds);
        break;
      case 'result':
        this.settle({
          kind: 'result',
          result: { exitCode: m.exitCode, summaryData: m.summaryData },
        });
        void this.worker.terminate();
        break;
      case 'failed':
        writeErr(`${m.message}\n`);
        this.settle({ kind: 'result', result: { exitCode: m.exitCode, summaryData: null } });
        void this.worker.terminate();
        break;
    }
  }

  /** Sets the deadline of the current phase (null: none); `onlyEarlier` only ever shortens it. */
  private arm(at: number | null, onlyEarlier: boolean): void {
    if (onlyEarlier && this.deadline && at !== null && this.deadline.at <= at) return;
    if (this.deadline) clearTimeout(this.deadline.timer);
    this.deadline = null;
    if (at === null) return;
    const timer = setTimeout(() => this.stalled('timeout'), Math.max(0, at - Date.now()));
    this.deadline = { at, timer };
  }

  private stalled(reason: 'timeout' | 'died', exitCode = 0, crash = ''): void {
    const stall: Stall = {
      reason,
      phase: this.phase,
      setup: this.setup,
      snapshot: this.snapshot,
      exitCode,
      crash,
      at: Date.now(),
    };
    this.settle({ kind: 'stalled', stall });
    if (reason === 'timeout') void this.worker.terminate();
  }
}
