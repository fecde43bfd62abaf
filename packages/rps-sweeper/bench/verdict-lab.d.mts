// Types of verdict-lab.mjs, for the TypeScript tests that use it.
import type { K6SummaryData } from '@rota-perf/core';
import type { SweepPlanInput } from '../src/plan-types.js';

/** What the fixed-capacity server measured. */
export interface CapacityStats {
  slots: number;
  service_ms: number;
  served: number;
  mean_hold_ms: number | null;
  /** slots / mean slot hold time: the server's true capacity, in requests per second. */
  capacity_rps: number | null;
}

export interface FixedCapacityServer {
  url: string;
  stats(): Promise<CapacityStats>;
  stop(): Promise<void>;
}

/** The parts of a sweep plan the lab reads (a SweepPlan fits). */
export interface LabPlan {
  scenarios: Record<string, unknown>;
  thresholds: Record<string, unknown>;
  totalSeconds: number;
  gracefulStopSeconds: number;
}

export const LAB_TOLERANCE: number;

export function labSweepInput(levels: {
  min: number;
  max: number;
  step: number;
  seconds: number;
  vus: number;
}): SweepPlanInput;

export function startFixedCapacityServer(options: {
  slots: number;
  serviceMs: number;
}): Promise<FixedCapacityServer>;

export function sweepScript(plan: LabPlan, options?: { burnMs?: number }): string;

export function runPlan(
  plan: LabPlan,
  options: { baseUrl: string; dir: string; burnMs?: number; pinCpu?: number | null },
): Promise<K6SummaryData>;

export function canPin(): boolean;

export function startCpuBurner(options?: { cpu?: number | null; limitMs?: number }): {
  stop(): Promise<void>;
};
