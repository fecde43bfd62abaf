// rps_probe.test.js: every endpoint together, the arrival rate stepped level by level.
import { readScriptEnv } from '@rota-perf/core';
import { ENDPOINTS } from '../catalogue.js';
import { createProbe } from '../probe.js';
import type { ScenarioData } from '../request.js';
import { readBootstrapConfig, runSetup } from '../setup.js';

const writes = readScriptEnv('rps_probe', __ENV).boolean('ENABLE_WRITE_SCENARIOS');
// The original rotated the reads plus (with writes) enrol, PUT progress and form submission.
const keys = ENDPOINTS.filter((e) => e.key !== 'auth_login' && (writes || e.phase !== 'write')).map(
  (e) => e.key,
);
const probe = createProbe('rps_probe', keys, ['p(95)<1000', 'p(99)<2000']);
const bootstrapConfig = readBootstrapConfig(__ENV, { keys });

export const options = probe.options;

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys });
}

export const probe_iteration = probe.iteration;
export const handleSummary = probe.handleSummary;
