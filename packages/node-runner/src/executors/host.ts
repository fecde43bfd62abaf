import type { Tags } from '../metrics/registry.js';
import type { ScenarioShare } from '../options/scenario-share.js';
import type { ScenarioConfig } from '../options/scenarios.js';
import { StripedCounter } from '../options/striping.js';
import type { IterationContext, ScenarioInfo, VuState } from '../runtime/state.js';
import { onAbort } from '../util/abort.js';

/** What executors need from the engine. */
export interface ExecutorHost {
  /** Aborted when the whole test must stop scheduling (Ctrl-C, test.abort(), abortOnFail). */
  readonly signal: AbortSignal;
  /** Creates one more VU for a scenario (arrival-rate executors growing towards maxVUs). */
  createVu(scenario: ScenarioConfig): Promise<VuState>;
  /** Runs one iteration of the scenario's exec function on a VU. */
  runIteration(run: ScenarioRun, vu: VuState): Promise<void>;
  dropIteration(run: ScenarioRun): void;
  /** Records how late (ms) an arrival-rate iteration starts against its slot in the schedule. */
  startLag(run: ScenarioRun, lateMs: number): void;
  warn(message: string, fields: Record<string, string>): void;
}

/**
 * A scenario while it runs: its VUs, its in-flight iterations and what k6/execution reports.
 * `share` is what this instance owns of it (all of it without an execution segment).
 */
export class ScenarioRun {
  readonly active = new Set<IterationContext>();
  readonly info: ScenarioInfo;
  /** Tags on every sample of the scenario: options.tags, the scenario's tags, `scenario`. */
  readonly tags: Tags;
  /** The tags of samples the scenario itself emits (no group): dropped iterations, start lag. */
  readonly scenarioTags: Tags;
  /** Iterations started in this instance (the next one's `scenario.iterationInInstance`). */
  iterationsStarted = 0;
  completed = 0;
  interrupted = 0;
  /** performance.now() of the scenario's planned start: the anchor of its schedule. */
  startedAt = 0;
  private plannedMs: number;
  // Numbers iterations in the whole test: 0, 1, 2 … or, in a segment, the instance's stripe.
  private readonly numbers: StripedCounter;

  constructor(
    readonly cfg: ScenarioConfig,
    readonly share: ScenarioShare,
    readonly vus: VuState[],
    plannedMs: number,
    globalTags: Tags,
  ) {
    this.plannedMs = plannedMs;
    this.numbers = new StripedCounter(share.iterationShare);
    this.tags = { ...globalTags, ...cfg.tags, scenario: cfg.name };
    this.scenarioTags = { ...this.tags, group: '' };
    this.info = {
      name: cfg.name,
      executor: cfg.executor,
      startTime: 0,
      env: cfg.env,
      progress: () =>
        this.plannedMs > 0 ? Math.min(1, (performance.now() - this.startedAt) / this.plannedMs) : 0,
      nextIterationInTest: () => {
        this.iterationsStarted++;
        return this.numbers.next();
      },
    };
  }

  /**
   * Marks the scenario as started now; `anchor` (a performance.now() time, default now) is
   * where its schedule counts from.
   */
  start(anchor = performance.now()): void {
    this.startedAt = anchor;
    this.info.startTime = Date.now();
  }

  /** Waits for in-flight iterations up to gracefulStop, then interrupts the rest. */
  async drain(inflight: Set<Promise<void>>): Promise<void> {
    if (inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => {
      timer = setTimeout(r, this.cfg.gracefulStopMs);
    });
    await Promise.race([Promise.allSettled([...inflight]), grace]);
    clearTimeout(timer);
    this.interruptAll();
  }

  /** Interrupts every running iteration: its samples are discarded and its requests aborted. */
  interruptAll(): void {
    for (const ctx of this.active) {
      ctx.cancelled = true;
      this.interrupted++;
      for (const req of ctx.vu.inflight) req.destroy(new Error('iteration interrupted'));
    }
    this.active.clear();
  }
}

/** Sleeps until `performance.now() >= at` or the test stops; true if it stopped. */
export function waitUntil(at: number, signal: AbortSignal): Promise<boolean> {
  const delay = at - performance.now();
  if (signal.aborted) return Promise.resolve(true);
  if (delay <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    // Unsubscribed again on time: millions of waits must not pile up callbacks.
    const off = onAbort(signal, () => {
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      off();
      resolve(signal.aborted);
    }, delay);
  });
}

// An iteration with no await (or an arrival schedule that is behind) resolves in microtasks
// only: a loop of them never lets the event loop turn, so timers (the once-a-second monitor,
// arrival slots), I/O and the supervisor's messages would wait until the loop ends.
const TURN_MS = 10;

/** Makes a loop let the event loop turn at least every 10 ms while it runs without waiting. */
export class EventLoopTurns {
  private last = performance.now();
  /** True when the loop has run for 10 ms since it last let the event loop turn. */
  due(): boolean {
    return performance.now() - this.last >= TURN_MS;
  }
  /** Lets pending timers and I/O run (one setImmediate). */
  async turn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
  /** Records that the loop just waited on a timer (the event loop turned). */
  waited(): void {
    this.last = performance.now();
  }
}
