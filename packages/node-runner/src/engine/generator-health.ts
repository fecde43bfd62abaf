import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Builtins } from '../metrics/builtin.js';
import type { MetricRegistry, Tags } from '../metrics/registry.js';

// How often the event-loop delay monitor wakes up (a libuv timer in C++, no JS runs); the
// delays it records include this interval, which is subtracted.
const RESOLUTION_MS = 10;
const NO_TAGS = {};

/** One second's figures (undefined when there was nothing to measure). */
export interface GeneratorHealth {
  cpuPercent: number | undefined;
  lagMs: number | undefined;
}

/**
 * The load generator's own health, sampled once a second into node-runner's extension metrics:
 * `generator_cpu_percent`, the runner process's CPU time over wall time (100 = one full core;
 * every thread counts), and `generator_event_loop_lag_ms`, the longest a timer of the engine's
 * event loop fired late in that second (what a VU's sleep or an arrival slot waits extra).
 * Nothing runs per request.
 */
export function startGeneratorHealth(registry: MetricRegistry, builtins: Builtins) {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let cpu = process.cpuUsage();
  let at = performance.now();
  return {
    /**
     * Records one sample of each metric for the time since the previous call, with `tags`
     * (the scenario that ran then, so a sweep level has its own figures); returns them.
     */
    sample(tags: Tags = NO_TAGS): GeneratorHealth {
      const now = performance.now();
      const used = process.cpuUsage(cpu);
      const health: GeneratorHealth = { cpuPercent: undefined, lagMs: undefined };
      if (now > at) {
        health.cpuPercent = ((used.user + used.system) / 1000 / (now - at)) * 100;
        registry.push(builtins.generator_cpu_percent, health.cpuPercent, tags);
      }
      if (delay.count > 0) {
        health.lagMs = Math.max(0, delay.max / 1e6 - RESOLUTION_MS);
        registry.push(builtins.generator_event_loop_lag_ms, health.lagMs, tags);
      }
      delay.reset();
      cpu = process.cpuUsage();
      at = now;
      return health;
    },
    stop(): void {
      delay.disable();
    },
  };
}
