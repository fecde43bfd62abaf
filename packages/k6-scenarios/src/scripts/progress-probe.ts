// progress_probe.test.js: the three progress reads, the arrival rate stepped level by level.
import { PROGRESS_READ_KEYS } from '../catalogue.js';
import { createProbe } from '../probe.js';
import type { ScenarioData } from '../request.js';
import { readBootstrapConfig, runSetup } from '../setup.js';

const probe = createProbe('progress_probe', PROGRESS_READ_KEYS, ['p(95)<500', 'p(99)<750']);
const bootstrapConfig = readBootstrapConfig(__ENV, { keys: PROGRESS_READ_KEYS });

export const options = probe.options;

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys: PROGRESS_READ_KEYS });
}

export const progress_iteration = probe.iteration;
export const handleSummary = probe.handleSummary;
