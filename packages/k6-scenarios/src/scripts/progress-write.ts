// progress_write.test.js: only PUT progress on one (user, item) row: warm-up ramp, a plateau
// at the target rate, cool-down (the same shape as the endpoint benchmark, plan/plateau.ts).
import { type K6SummaryData, SUBMETRIC_ONLY_THRESHOLDS, scriptEntry } from '@rota-perf/core';
import { formatWriteSummary } from '@rota-perf/report-formatter';
import exec from 'k6/execution';
import { progressValueFor } from '../catalogue.js';
import { readPlateauConfig } from '../env.js';
import { SUMMARY_TREND_STATS } from '../metrics.js';
import { plateauScenarios } from '../plan/scenarios.js';
import { type ScenarioData, sendEndpoint } from '../request.js';
import { readBootstrapConfig, readSummarySettings } from '../script-settings.js';
import { runSetup } from '../setup.js';
import { buildWriteResultsJson, summariseWriteProbe } from '../summary/write-probe.js';
import { summaryOutputs, useColor } from '../summary.js';
import { plateauTag } from '../window.js';

const config = readPlateauConfig('progress_write', __ENV);
const keys = ['trail_item_progress'];
const bootstrapConfig = readBootstrapConfig(__ENV);
const summarySettings = readSummarySettings(__ENV);
const target = config.targetRps;

export const options = {
  scenarios: plateauScenarios('progress_write', config),
  insecureSkipTLSVerify: config.insecureSkipTlsVerify,
  summaryTrendStats: SUMMARY_TREND_STATS,
  setupTimeout: '120s',
  thresholds: {
    // The documented behaviour: the run aborts once the failure rate passes the tolerance.
    'http_req_failed{scenario:progress_write}': [
      { threshold: `rate<=${config.tolerance}`, abortOnFail: true, delayAbortEval: '10s' },
    ],
    http_req_duration: ['p(95)<750', 'p(99)<1500'],
    'http_reqs{scenario:progress_write}': [SUBMETRIC_ONLY_THRESHOLDS.counter],
    'http_req_duration{scenario:progress_write}': [SUBMETRIC_ONLY_THRESHOLDS.trend],
    'http_reqs{window:plateau}': [SUBMETRIC_ONLY_THRESHOLDS.counter],
    'endpoint_duration_ms{endpoint:trail_item_progress}': [SUBMETRIC_ONLY_THRESHOLDS.trend],
    'endpoint_requests{endpoint:trail_item_progress}': [SUBMETRIC_ONLY_THRESHOLDS.counter],
    'endpoint_failures{endpoint:trail_item_progress}': [SUBMETRIC_ONLY_THRESHOLDS.counter],
  },
};

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys });
}

/** A valid, increasing progress value: the original's value plus one per iteration. */
function nextProgressValue(data: ScenarioData, iteration: number): number {
  const duration = data.dataset.itemDurationSeconds;
  const value = progressValueFor(duration) + iteration;
  return duration > 0 ? Math.min(duration, value) : value;
}

export async function progress_write_iteration(data: ScenarioData): Promise<void> {
  const n = exec.scenario.iterationInTest;
  await sendEndpoint(data, 'trail_item_progress', {
    body: { status: 'IN_PROGRESS', progress_value: nextProgressValue(data, n) },
    tags: plateauTag(config.warmupSeconds, config.testSeconds),
  });
}

export function handleSummary(data: K6SummaryData) {
  const result = summariseWriteProbe(data, {
    targetRps: target,
    warmupDuration: config.warmup,
    testDuration: config.test,
    cooldownDuration: config.cooldown,
    warmupSeconds: config.warmupSeconds,
    testSeconds: config.testSeconds,
    cooldownSeconds: config.cooldownSeconds,
    failureTolerance: config.tolerance,
  });
  const text = formatWriteSummary(result, { color: useColor(data, __ENV) });
  return summaryOutputs(text, summarySettings, {
    [scriptEntry('progress_write').resultsFile]: buildWriteResultsJson(result),
  });
}
