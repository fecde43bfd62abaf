// The schedule of the endpoint benchmark and the write probe: warm-up ramps 0 -> target, the
// plateau holds the target for its whole length, cool-down ramps down to a quarter of it, the
// final ramp goes to 0. (The original warmed up to half the target and ramped during the
// "plateau", so its steady-state figure was measured on a slope.) Pure: the scripts build
// their stages from it, the orchestrator its phases and live targets.
import { formatK6Duration, type RunPhase } from '@rota-perf/core';

/** Lengths in seconds, rate in iterations per second. */
export interface PlateauShape {
  targetRps: number;
  warmupSeconds: number;
  plateauSeconds: number;
  cooldownSeconds: number;
  rampDownSeconds: number;
}

/** The rate the cool-down ends at (the original's): a quarter of the target, at least 1. */
export function cooldownRps(targetRps: number): number {
  return Math.max(1, Math.round(0.25 * targetRps));
}

interface Segment {
  name: string;
  seconds: number;
  target: number;
}

function segments(shape: PlateauShape): Segment[] {
  const { targetRps } = shape;
  return [
    { name: 'warm-up', seconds: shape.warmupSeconds, target: targetRps },
    { name: 'plateau', seconds: shape.plateauSeconds, target: targetRps },
    { name: 'cool-down', seconds: shape.cooldownSeconds, target: cooldownRps(targetRps) },
    { name: 'ramp-down', seconds: shape.rampDownSeconds, target: 0 },
  ];
}

/**
 * `startRate` and `stages` of a ramping-arrival-rate scenario. Zero-length parts are left
 * out; without a warm-up the scenario starts at the target.
 */
export function plateauStages(shape: PlateauShape): {
  startRate: number;
  stages: { duration: string; target: number }[];
} {
  return {
    startRate: shape.warmupSeconds > 0 ? 0 : shape.targetRps,
    stages: segments(shape)
      .filter((s) => s.seconds > 0)
      .map((s) => ({ duration: formatK6Duration(s.seconds), target: s.target })),
  };
}

/**
 * The phases from the test start (warm-up, plateau, cool-down, ramp-down; zero-length ones
 * left out); the plateau carries `plateauRps`, the rate of all scenarios together.
 */
export function plateauPhases(shape: PlateauShape, plateauRps: number): RunPhase[] {
  const phases: RunPhase[] = [];
  let at = 0;
  for (const s of segments(shape)) {
    if (s.seconds <= 0) continue;
    const phase: RunPhase = { name: s.name, start_seconds: at, end_seconds: at + s.seconds };
    if (s.name === 'plateau') phase.target_rps = plateauRps;
    phases.push(phase);
    at += s.seconds;
  }
  return phases;
}
