import type { ScenarioConfig } from '../options/scenarios.js';

/**
 * Iterations per second an arrival-rate scenario aims at `offsetMs` after its start (the rate
 * its schedule follows: constant, or linear between stage targets); undefined for other
 * executors and outside the scenario's schedule.
 */
export function targetRateAt(cfg: ScenarioConfig, offsetMs: number): number | undefined {
  if (offsetMs < 0) return undefined;
  const perSecond = 1000 / cfg.timeUnitMs;
  if (cfg.executor === 'constant-arrival-rate')
    return offsetMs < cfg.durationMs ? cfg.rate * perSecond : undefined;
  if (cfg.executor !== 'ramping-arrival-rate') return undefined;
  let from = cfg.startRate;
  let stageStart = 0;
  for (const stage of cfg.stages) {
    if (offsetMs < stageStart + stage.durationMs) {
      const f = (offsetMs - stageStart) / stage.durationMs;
      return (from + (stage.target - from) * f) * perSecond;
    }
    stageStart += stage.durationMs;
    from = stage.target;
  }
  return undefined;
}
