// progress_probe.test.js: the three progress reads, the arrival rate stepped level by level.
import { createProbe } from '../probe.js';
import { probeKeys } from '../probe-keys.js';
import type { ScenarioData } from '../request.js';
import { readBootstrapConfig } from '../script-settings.js';
import { runSetup } from '../setup.js';

const keys = probeKeys('progress_probe', __ENV);
const probe = createProbe('progress_probe', keys, ['p(95)<500', 'p(99)<750']);
const bootstrapConfig = readBootstrapConfig(__ENV);

export const options = probe.options;

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys });
}

export const progress_iteration = probe.iteration;
export const handleSummary = probe.handleSummary;
