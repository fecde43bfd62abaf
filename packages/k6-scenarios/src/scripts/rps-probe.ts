// rps_probe.test.js: every endpoint together, the arrival rate stepped level by level.
import { createProbe } from '../probe.js';
import { probeKeys } from '../probe-keys.js';
import type { ScenarioData } from '../request.js';
import { readBootstrapConfig } from '../script-settings.js';
import { runSetup } from '../setup.js';

const keys = probeKeys('rps_probe', __ENV);
const probe = createProbe('rps_probe', keys, ['p(95)<1000', 'p(99)<2000']);
const bootstrapConfig = readBootstrapConfig(__ENV);

export const options = probe.options;

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys });
}

export const probe_iteration = probe.iteration;
export const handleSummary = probe.handleSummary;
