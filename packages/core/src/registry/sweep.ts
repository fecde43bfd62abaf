// The two probes (rps_probe, progress_probe) are one sweep with two sets of names: each
// setting's meaning is written here once, each probe gives its variable names and defaults,
// and rps-sweeper reads the same names (so a probe cannot read a name the README lacks).
import type { VariableDoc } from './types.js';

/** What each sweep setting does, in the order the README lists them. */
const MEANINGS = {
  min: 'First level.',
  max: 'Last level.',
  step: 'Increment between levels.',
  warmup: 'Warm-up before the first level (`0` = none, else at least 1 s).',
  stepDuration: 'Length of each level (at least 1 s).',
  pause: 'Pause between levels.',
  tolerance: 'Failure rate a level may have (0..1).',
  p95SloMs: 'Optional p95 SLO per level.',
  abortOnFail: 'Stop once a level clearly fails.',
  preAllocatedVUs: 'VUs allocated per level.',
  maxVUs: 'VU cap per level.',
} as const;

/** A setting both probes read, each under its own variable name. */
export type SweepSetting = keyof typeof MEANINGS;

/** A probe's variable for each sweep setting: its name and its documented default (Markdown). */
export type SweepVariables = Record<SweepSetting, { name: string; default: string }>;

const SETTINGS = Object.keys(MEANINGS) as SweepSetting[];

/** The registry's variable list of a probe. */
export function sweepVariableDocs(variables: SweepVariables): VariableDoc[] {
  return SETTINGS.map((s) => ({ ...variables[s], description: MEANINGS[s] }));
}

/** The variable name behind each setting. */
export function sweepVariableNames(variables: SweepVariables): Record<SweepSetting, string> {
  const names = {} as Record<SweepSetting, string>;
  for (const s of SETTINGS) names[s] = variables[s].name;
  return names;
}
