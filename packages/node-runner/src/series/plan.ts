import { scenarioMaxMs } from '../engine/banner.js';
import type { ScenarioConfig } from '../options/scenarios.js';

/** What a run will do, handed to `onPlan` when the test starts (live progress, run records). */
export interface RunPlan {
  /** The longest the test can take, graceful stops included (k6's "max duration"). */
  maxDurationSeconds: number;
  scenarios: {
    name: string;
    executor: string;
    /** Seconds after the test start (`startTime`). */
    startSeconds: number;
    /** Its schedule's length without graceful stop (iteration-based executors: maxDuration). */
    durationSeconds: number;
  }[];
}

function scheduledMs(s: ScenarioConfig): number {
  switch (s.executor) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return s.durationMs;
    case 'ramping-vus':
    case 'ramping-arrival-rate':
      return s.stages.reduce((a, st) => a + st.durationMs, 0);
    default:
      return s.maxDurationMs;
  }
}

/** The plan of a set of scenarios. */
export function planOf(scenarios: readonly ScenarioConfig[]): RunPlan {
  return {
    maxDurationSeconds: Math.max(0, ...scenarios.map(scenarioMaxMs)) / 1000,
    scenarios: scenarios.map((s) => ({
      name: s.name,
      executor: s.executor,
      startSeconds: s.startTimeMs / 1000,
      durationSeconds: scheduledMs(s) / 1000,
    })),
  };
}
