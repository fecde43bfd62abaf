// The shape of the script registry.
import type { ResultLayout } from '../results/layout.js';
import type { SweepSetting } from './sweep.js';

/** One variable a script reads; `default` and `description` are Markdown (README tables). */
export interface VariableDoc {
  name: string;
  /** The default as documented: a literal in backticks (`` `30s` ``) or a rule in words. */
  default: string;
  /** One line: what the variable changes. */
  description: string;
}

/** One k6 script: where it comes from, what it is built into and writes, what it reads. */
export interface ScriptEntry {
  /** Bundle name, also the `bench` argument: `rps_probe`. */
  name: string;
  /** Other names users may give (`rps-probe`); `<name>.test.js` is always accepted too. */
  aliases: readonly string[];
  /** Its TypeScript entry, relative to packages/k6-scenarios. */
  source: string;
  /** The built bundle, relative to the repository root. */
  bundle: string;
  /** The results file its handleSummary writes into RESULTS_DIR. */
  resultsFile: string;
  /** The layout of that file (its JSON Schema and report section). */
  resultsLayout: ResultLayout;
  /** The heading of its section in the HTML report. */
  reportTitle: string;
  /** One line: what the script measures. */
  summary: string;
  /** The README paragraph about it (Markdown). */
  details: string;
  /** Its own variables (the shared ones are in SHARED_VARIABLES). */
  variables: readonly VariableDoc[];
  /** How its arrival rate is scheduled, from which of its variables (k6-scenarios plans it). */
  schedule: ScriptSchedule;
}

/**
 * The variables behind a plateau schedule: warm-up from 0 to the rate, the plateau at the
 * rate, cool-down to a quarter of it, final ramp to 0; and the VU pool.
 */
export interface PlateauVariableNames {
  rate: string;
  warmup: string;
  plateau: string;
  cooldown: string;
  rampDown: string;
  preAllocatedVUs: string;
  maxVUs: string;
}

/** The VU cap when its variable is unset, from the pre-allocated VUs (the documented rule). */
export type MaxVusRule = (preAllocatedVUs: number) => number;

/**
 * The endpoint benchmark's schedule: one plateau scenario per endpoint of the catalogue, the
 * reads at the rate, login and writes at `WRITE_RPS`.
 */
export interface EndpointsSchedule {
  kind: 'endpoints';
  variables: PlateauVariableNames;
  maxVUs: MaxVusRule;
}

/**
 * One plateau scenario named after the script, running its exported `<name>_iteration`;
 * the run aborts once its failure rate passes the tolerance.
 */
export interface PlateauSchedule {
  kind: 'plateau';
  variables: PlateauVariableNames & { tolerance: string };
  maxVUs: MaxVusRule;
}

/** A step sweep (rps-sweeper's planSweep): a warm-up, then one scenario per level. */
export interface SweepSchedule {
  kind: 'sweep';
  variables: Record<SweepSetting, string>;
  /** Level scenarios are `<prefix>_<rate>`. */
  scenarioPrefix: 'probe' | 'progress';
  /** The exported function every scenario runs. */
  exec: string;
  maxVUs: MaxVusRule;
  /** The warm-up's rate from the first level's. */
  warmupRps: (min: number) => number;
}

/** How a script schedules its arrival rate. */
export type ScriptSchedule = EndpointsSchedule | PlateauSchedule | SweepSchedule;
