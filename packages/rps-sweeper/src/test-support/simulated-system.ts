// A deterministic stand-in for a system under test, for the search driver's tests: it holds
// any rate up to its capacity and fails half of the requests above it.
import type { SweepLevel } from '@rota-perf/core';
import { judgeLevel } from '../judge.js';
import type { RunLevel } from '../search-types.js';

/** Options of simulateSystem. */
export interface SimulatedSystem {
  /** Rates at or below this pass. */
  capacity: number;
  tolerance: number;
  /** Capacity to use from the n-th call on (0-based), to model a system that degrades. */
  degradeAfter?: { calls: number; capacity: number };
  /** From this rate on the generator drops iterations and sends only `capacity`. */
  generatorLimit?: number;
}

/** A runLevel over the simulation; `calls` records every (rate, seconds) it was given. */
export function simulateSystem(system: SimulatedSystem): RunLevel & { calls: [number, number][] } {
  const calls: [number, number][] = [];
  const runLevel = async (rate: number, seconds: number): Promise<SweepLevel> => {
    const capacity =
      system.degradeAfter && calls.length >= system.degradeAfter.calls
        ? system.degradeAfter.capacity
        : system.capacity;
    calls.push([rate, seconds]);
    const limit = system.generatorLimit ?? Number.POSITIVE_INFINITY;
    const sent = Math.min(rate, limit) * seconds;
    // Above capacity half the requests fail: far over any tolerance, so "passes" means
    // exactly "rate <= capacity" and the expected ceiling is known.
    const failures = rate > capacity ? Math.ceil(sent / 2) : 0;
    return judgeLevel(
      {
        scenario: `adaptive_${rate}`,
        targetRps: rate,
        durationSeconds: seconds,
        requests: sent,
        failures,
        p95Ms: 20,
        droppedIterations: rate > limit ? (rate - limit) * seconds : 0,
      },
      { tolerance: system.tolerance },
    );
  };
  return Object.assign(runLevel, { calls });
}
