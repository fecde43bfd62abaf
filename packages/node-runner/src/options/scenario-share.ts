// What one instance owns of each scenario, executor by executor, as k6 scales them.
import { toNumber } from './rational.js';
import type { ScenarioConfig } from './scenarios.js';
import { segmentLength } from './segment.js';
import type { Share } from './striping.js';

/** One instance's part of a scenario (all of it when the instance runs the whole test). */
export interface ScenarioShare {
  /** False when the instance has nothing to do in it: k6 then disables it with a warning. */
  readonly hasWork: boolean;
  /** VUs initialised before the test starts. */
  readonly initialVus: number;
  /** The most VUs it may have (arrival-rate executors grow up to it). */
  readonly maxVus: number;
  /** shared-iterations: the iterations this instance runs; per-vu-iterations: per VU. */
  readonly iterations: number;
  /**
   * The instance's stripe of the scenario's iterations: the iterationInTest numbers it
   * reports and, under the arrival-rate executors, the schedule slots it starts.
   */
  readonly iterationShare: Share;
  /** The part of the arrival rate the instance runs (shown in the banner). */
  readonly rateShare: number;
  /** ramping-vus: this instance's VUs while the whole test has `n`. */
  vusOf(n: number): number;
}

/** Scales a scenario to an instance's share of the test. */
export function shareScenario(cfg: ScenarioConfig, share: Share): ScenarioShare {
  const base = {
    iterations: cfg.iterations,
    iterationShare: share,
    rateShare: toNumber(segmentLength(share.segment)),
    vusOf: (n: number) => share.scale(n),
  };
  switch (cfg.executor) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      // The slots are cut along maxVUs: an instance with no VUs has no iterations either.
      const maxVus = share.scale(cfg.maxVUs);
      const slots = share.forValue(cfg.maxVUs);
      return {
        ...base,
        hasWork: maxVus > 0 && slots !== null,
        initialVus: share.scale(cfg.preAllocatedVUs),
        maxVus,
        iterationShare: slots ?? share,
        // k6 shows a constant rate scaled by the VUs, a ramping one by the segment.
        ...(cfg.executor === 'constant-arrival-rate'
          ? { rateShare: cfg.maxVUs > 0 ? maxVus / cfg.maxVUs : 0 }
          : {}),
      };
    }
    case 'shared-iterations': {
      // The iterations are cut along the VUs, so each instance's VUs get their fair part.
      const vus = share.scale(cfg.vus);
      const byVus = share.forValue(cfg.vus);
      const iterations = byVus ? byVus.scale(cfg.iterations) : 0;
      return {
        ...base,
        hasWork: vus > 0 && iterations > 0,
        initialVus: vus,
        maxVus: vus,
        iterations,
        iterationShare: byVus ?? share,
      };
    }
    case 'ramping-vus': {
      const peak = share.scale(Math.max(cfg.startVUs, ...cfg.stages.map((s) => s.target)));
      return { ...base, hasWork: peak > 0, initialVus: peak, maxVus: peak };
    }
    default: {
      // constant-vus and per-vu-iterations: a part of the VUs, each doing the full work.
      const vus = share.scale(cfg.vus);
      return {
        ...base,
        hasWork: vus > 0 && (cfg.executor !== 'per-vu-iterations' || cfg.iterations > 0),
        initialVus: vus,
        maxVus: vus,
      };
    }
  }
}
