// Live progress wired to a run: the plan becomes the display's model, the orchestrator's
// lines go above the block, and the engine's feed (test start, finished seconds, its own
// output lines) drives it.
import { plannedSeconds, type RunPhase, scheduleOf } from '@rota-perf/core';
import type { ScriptPlan } from '@rota-perf/k6-scenarios';
import type { RunContext } from '../context.js';
import type { LiveFeed } from '../engine.js';
import { ProgressDisplay, progressMode } from './display.js';
import { ProgressModel, type ProgressPlan } from './model.js';

/** How progress is asked for on the command line. */
export interface ProgressSettings {
  /** -q: no progress at all. */
  quiet: boolean;
  /** --progress-interval: seconds between heartbeat lines when stderr is not a terminal. */
  heartbeatSeconds: number;
}

/** The progress plan of a script's plan. */
export function progressPlanOf(title: string, plan: ScriptPlan): ProgressPlan {
  const schedule = scheduleOf(plan.scenarios);
  return {
    title,
    totalSeconds: plannedSeconds(schedule),
    schedule,
    phases: plan.phases as RunPhase[],
    levels: plan.levels,
  };
}

/** A run's live progress: its display, the context to print through, the engine's feed. */
export interface LiveProgress {
  context: RunContext;
  feed: LiveFeed;
  start(): void;
  stop(): void;
}

/** Live progress of one engine run. */
export function liveProgress(
  plan: ProgressPlan,
  context: RunContext,
  settings: ProgressSettings,
): LiveProgress {
  const display = new ProgressDisplay(new ProgressModel(plan), context, {
    mode: progressMode(settings.quiet, context),
    heartbeatSeconds: settings.heartbeatSeconds,
  });
  const release = () => display.release();
  return {
    context: {
      ...context,
      out: (line) => display.println(line, 'out'),
      err: (line) => display.println(line, 'err'),
    },
    feed: {
      onStart: (startMs) => display.testStarted(startMs),
      onSecond: (second) => display.addSecond(second),
      onLine: (line, channel) => display.println(line, channel === 'stdout' ? 'out' : 'err'),
    },
    start: () => {
      // After Ctrl-C the engine prints its own lines (interrupt, summary): the block gives way.
      context.signal.addEventListener('abort', release, { once: true });
      display.start();
    },
    stop: () => {
      context.signal.removeEventListener('abort', release);
      display.stop();
    },
  };
}
