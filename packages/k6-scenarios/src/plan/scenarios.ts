// The k6 scenarios of the endpoint benchmark and the write probe, from their settings: what
// the scripts export as options.scenarios and what the orchestrator plans with. Pure.
import type { Endpoint } from '../catalogue.js';
import type { PerformanceConfig, WriteProbeSettings } from '../env.js';
import { type PlateauShape, plateauStages } from './plateau.js';

/** The plateau shape of the endpoint benchmark at `targetRps`. */
export function performanceShape(config: PerformanceConfig, targetRps: number): PlateauShape {
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
  for (const e of endpoints) scenarios[e.key] = endpointScenario(config, e);
  return scenarios;
}

function endpointScenario(config: PerformanceConfig, endpoint: Pick<Endpoint, 'key' | 'phase'>) {
  return {
    executor: 'ramping-arrival-rate',
    ...plateauStages(performanceShape(config, endpointRps(config, endpoint))),
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

/** The write probe's plateau shape. */
export function writeProbeShape(config: WriteProbeSettings): PlateauShape {
  return {
    targetRps: config.targetRps,
    warmupSeconds: config.warmupSeconds,
    plateauSeconds: config.testSeconds,
    cooldownSeconds: config.cooldownSeconds,
    rampDownSeconds: config.rampDownSeconds,
  };
}

/** The write probe's one scenario. */
export function writeProbeScenarios(config: WriteProbeSettings) {
  return {
    progress_write: {
      executor: 'ramping-arrival-rate',
      ...plateauStages(writeProbeShape(config)),
      timeUnit: '1s',
      preAllocatedVUs: config.preAllocatedVUs,
      maxVUs: config.maxVUs,
      gracefulStop: '20s',
      exec: 'progress_write_iteration',
      tags: { stage: 'write', target_rps: String(config.targetRps) },
    },
  };
}
