// The k6 scenarios of the scripts with a plateau schedule (the endpoint benchmark, the write
// probe), from their settings: what the scripts export as options.scenarios and what the
// orchestrator plans with. Pure.
import type { Endpoint } from '../catalogue.js';
import type { LoadSettings, PerformanceConfig, PlateauScriptSettings } from '../env.js';
import { type PlateauShape, plateauStages } from './plateau.js';

/** The plateau shape of a script's settings at `targetRps` (its own rate unless given). */
export function loadShape(config: LoadSettings, targetRps = config.targetRps): PlateauShape {
  return {
    targetRps,
    warmupSeconds: config.warmupSeconds,
    plateauSeconds: config.testSeconds,
    cooldownSeconds: config.cooldownSeconds,
    rampDownSeconds: config.rampDownSeconds,
  };
}

/** The rate of an endpoint: TARGET_RPS for the reads, WRITE_RPS for login and writes. */
export function endpointRps(config: PerformanceConfig, endpoint: Pick<Endpoint, 'phase'>): number {
  return endpoint.phase === 'main' ? config.targetRps : config.writeRps;
}

/** One ramping-arrival-rate scenario per endpoint, keyed by the endpoint key. */
export function performanceScenarios(
  config: PerformanceConfig,
  endpoints: readonly Pick<Endpoint, 'key' | 'phase'>[],
) {
  const scenarios: Record<string, ReturnType<typeof endpointScenario>> = {};
  endpoints.forEach((e, i) => {
    scenarios[e.key] = endpointScenario(
      config,
      e,
      staggerMs(i, endpoints.length, endpointRps(config, e)),
    );
  });
  return scenarios;
}

/**
 * Where scenario `index` of `count` starts within its arrival period. Scenarios that all start
 * at 0 with one rate fire their iterations at the same instants, so every request arrives in a
 * burst with the others and an endpoint's latency depends on its place in that burst (which
 * differs from run to run); spread over one period they interleave evenly.
 */
export function staggerMs(index: number, count: number, rps: number): number {
  return Math.round(((index / count) * 1000) / rps);
}

function endpointScenario(
  config: PerformanceConfig,
  endpoint: Pick<Endpoint, 'key' | 'phase'>,
  startMs: number,
) {
  return {
    executor: 'ramping-arrival-rate',
    startTime: `${startMs}ms`,
    ...plateauStages(loadShape(config, endpointRps(config, endpoint))),
    timeUnit: '1s',
    preAllocatedVUs: config.preAllocatedVUs,
    maxVUs: config.maxVUs,
    // The original stopped enrolment with 0s, which interrupted in-flight requests and
    // counted them as failures; every scenario may finish its in-flight work here.
    gracefulStop: '30s',
    exec: endpoint.key,
    tags: { traffic: endpoint.phase === 'main' ? 'read' : endpoint.phase },
  };
}

/**
 * The one scenario of a script with a `plateau` schedule: named after the script, running its
 * exported `<name>_iteration`.
 */
export function plateauScenarios(script: string, config: PlateauScriptSettings) {
  return {
    [script]: {
      executor: 'ramping-arrival-rate',
      ...plateauStages(loadShape(config)),
      timeUnit: '1s',
      preAllocatedVUs: config.preAllocatedVUs,
      maxVUs: config.maxVUs,
      gracefulStop: '20s',
      exec: `${script}_iteration`,
      tags: { target_rps: String(config.targetRps) },
    },
  };
}
