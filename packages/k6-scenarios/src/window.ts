// Tags a request with `window: plateau` while its scenario is in the plateau stage, so the
// summary can compute the steady-state RPS from plateau requests only (the original divided
// all requests by the plateau length). `exec.scenario.startTime` is the scenario's start (ms).
import exec from 'k6/execution';

/** `{ window: 'plateau' }` inside [warmup, warmup + plateau) of the current scenario, else `{}`. */
export function plateauTag(warmupSeconds: number, plateauSeconds: number): Record<string, string> {
  const elapsed = (Date.now() - exec.scenario.startTime) / 1000;
  return elapsed >= warmupSeconds && elapsed < warmupSeconds + plateauSeconds
    ? { window: 'plateau' }
    : {};
}
