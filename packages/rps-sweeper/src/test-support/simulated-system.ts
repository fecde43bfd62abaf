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
  /** Above this rate the generator, at a full core, sends only this many per second. */
  generatorLimit?: number;
  /** Mean latency (ms) of every request; default 20. */
  latencyMs?: number;
  /** The VU pool (default 100): rate × latency beyond it drops iterations (Little's law). */
  maxVUs?: number;
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
    const latencyMs = system.latencyMs ?? 20;
    const maxVUs = system.maxVUs ?? 100;
    // The pool caps the rate at maxVUs / latency; the generator at its own limit.
    const poolRate = maxVUs / (latencyMs / 1000);
    const achieved = Math.min(rate, limit, poolRate);
    const sent = achieved * seconds;
    // Above capacity half the requests fail: far over any tolerance, so "passes" means
    // exactly "rate <= capacity" and the expected ceiling is known.
    const failures = rate > capacity ? Math.ceil(sent / 2) : 0;
    const generatorBusy = rate > limit;
    return judgeLevel(
      {
        scenario: `adaptive_${rate}`,
        targetRps: rate,
        durationSeconds: seconds,
        requests: sent,
        failures,
        p95Ms: latencyMs,
        meanRequestMs: latencyMs,
        maxVUs,
        droppedIterations: rate > poolRate ? Math.round((rate - poolRate) * seconds) : 0,
        generatorCpuPercent: generatorBusy ? 99 : 30,
        startLagMs: generatorBusy ? 400 : 2,
      },
      { tolerance: system.tolerance },
    );
  };
  return Object.assign(runLevel, { calls });
}
