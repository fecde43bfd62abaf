import type { Builtins } from '../metrics/builtin.js';
import type { MetricRegistry } from '../metrics/registry.js';
import { evaluateThresholds, type ThresholdSet } from '../thresholds/evaluate.js';
import { logLine } from '../util/logfmt.js';
import { startGeneratorHealth } from './generator-health.js';

/** What the once-a-second monitor needs. */
export interface MonitorInput {
  registry: MetricRegistry;
  builtins: Builtins;
  thresholds: readonly ThresholdSet[];
  busyVus(): number;
  initializedVus(): number;
  /** performance.now() at test start. */
  since: number;
  /** Called when an abortOnFail threshold fails. */
  onAbort(): void;
  /** Called after each tick with the milliseconds since `since`. */
  onTick?(elapsedMs: number): void;
}

/**
 * Samples `vus`/`vus_max` (and the generator's health) and evaluates thresholds every second,
 * as k6 does during a run.
 */
export function startMonitor(input: MonitorInput): { stop(): void } {
  const health = startGeneratorHealth(input.registry, input.builtins);
  const timer = setInterval(() => {
    input.registry.push(input.builtins.vus, input.busyVus(), {});
    input.registry.push(input.builtins.vus_max, input.initializedVus(), {});
    health.sample();
    const elapsed = performance.now() - input.since;
    const verdict = evaluateThresholds(input.thresholds, elapsed, elapsed, false);
    if (verdict.abort) {
      logLine(
        'error',
        `thresholds on metrics '${verdict.failed.join(', ')}' were crossed; at least one has abortOnFail enabled, stopping test prematurely`,
      );
      input.onAbort();
    }
    input.onTick?.(elapsed);
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      health.stop();
    },
  };
}
