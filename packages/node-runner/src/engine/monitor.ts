import type { Builtins } from '../metrics/builtin.js';
import type { MetricRegistry, Tags } from '../metrics/registry.js';
import type { SecondGauges } from '../series/tap.js';
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
  /** The tags of the generator-health samples of the second that ended `elapsedMs` in. */
  healthTags?(elapsedMs: number): Tags;
  /** Called when an abortOnFail threshold fails. */
  onAbort(): void;
  /** Called after each tick with the milliseconds since `since` and what was sampled. */
  onTick?(elapsedMs: number, gauges: SecondGauges): void;
}

/**
 * Samples `vus`/`vus_max` (and the generator's health) and evaluates thresholds every second,
 * as k6 does during a run.
 */
export function startMonitor(input: MonitorInput): { stop(): void } {
  const health = startGeneratorHealth(input.registry, input.builtins);
  const timer = setInterval(() => {
    const vus = input.busyVus();
    const vusMax = input.initializedVus();
    input.registry.push(input.builtins.vus, vus, {});
    input.registry.push(input.builtins.vus_max, vusMax, {});
    const elapsed = performance.now() - input.since;
    const { cpuPercent, lagMs } = health.sample(input.healthTags?.(elapsed));
    const verdict = evaluateThresholds(input.thresholds, elapsed, elapsed, false);
    if (verdict.abort) {
      logLine(
        'error',
        `thresholds on metrics '${verdict.failed.join(', ')}' were crossed; at least one has abortOnFail enabled, stopping test prematurely`,
      );
      input.onAbort();
    }
    input.onTick?.(elapsed, { vus, vusMax, cpuPercent, lagMs });
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      health.stop();
    },
  };
}
