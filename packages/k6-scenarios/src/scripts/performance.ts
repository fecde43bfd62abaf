// performance.test.js: one ramping-arrival-rate scenario per endpoint, all at once.
import { type K6SummaryData, SUBMETRIC_ONLY_THRESHOLDS, scriptEntry } from '@rota-perf/core';
import { formatLoadSummary } from '@rota-perf/report-formatter';
import { readPerformanceConfig } from '../env.js';
import { endpointThresholds, SUMMARY_TREND_STATS } from '../metrics.js';
import { performanceScenarios } from '../plan/scenarios.js';
import { performanceEndpoints } from '../plan/script-plan.js';
import { type ScenarioData, sendEndpoint } from '../request.js';
import { loginPoolSizing, readBootstrapConfig, readSummarySettings } from '../script-settings.js';
import { runSetup } from '../setup.js';
import { buildLoadResultsJson } from '../summary/load-results-json.js';
import { summariseLoad } from '../summary/load-summary.js';
import { summaryOutputs, useColor } from '../summary.js';
import { plateauTag } from '../window.js';

const config = readPerformanceConfig(__ENV);
const endpoints = performanceEndpoints(config.enableWrites);
const keys = endpoints.map((e) => e.key);
const rateLimit = {
  maxAttempts: config.rateLimitMaxAttempts,
  windowSeconds: config.rateLimitWindowSeconds,
  verify: config.enableRateLimitChecks,
};
const bootstrapConfig = readBootstrapConfig(__ENV, loginPoolSizing(config));
const summarySettings = readSummarySettings(__ENV);

export const options = {
  scenarios: performanceScenarios(config, endpoints),
  insecureSkipTLSVerify: config.insecureSkipTlsVerify,
  summaryTrendStats: SUMMARY_TREND_STATS,
  setupTimeout: '120s',
  thresholds: {
    'http_req_failed{phase:main}': [
      { threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' },
    ],
    'http_req_failed{phase:write}': [SUBMETRIC_ONLY_THRESHOLDS.rate],
    'http_req_failed{phase:auth}': [SUBMETRIC_ONLY_THRESHOLDS.rate],
    http_req_duration: ['p(95)<500', 'p(99)<1000'],
    endpoint_duration_ms: ['p(95)<450'],
    'http_reqs{window:plateau}': [SUBMETRIC_ONLY_THRESHOLDS.counter],
    ...endpointThresholds(keys),
  },
};

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys, rateLimit });
}

function run(key: string) {
  return async (data: ScenarioData) => {
    await sendEndpoint(data, key, {
      iteration: __ITER + __VU,
      tags: plateauTag(config.warmupSeconds, config.testSeconds),
    });
  };
}

export const trails_showcase = run('trails_showcase');
export const trails_list = run('trails_list');
export const trails_detail = run('trails_detail');
export const trails_sections = run('trails_sections');
export const trails_section_items = run('trails_section_items');
export const trails_sections_with_items = run('trails_sections_with_items');
export const trails_included_items = run('trails_included_items');
export const trails_requirements = run('trails_requirements');
export const trails_audience = run('trails_audience');
export const trails_learn = run('trails_learn');
export const trail_item_detail = run('trail_item_detail');
export const auth_login = run('auth_login');
export const user_trail_enroll = run('user_trail_enroll');
export const user_trail_progress = run('user_trail_progress');
export const user_trail_items_progress = run('user_trail_items_progress');
export const user_trail_sections_progress = run('user_trail_sections_progress');
export const me_profile = run('me_profile');
export const trail_item_progress = run('trail_item_progress');
export const trail_form_submission = run('trail_form_submission');

export function handleSummary(data: K6SummaryData) {
  const setupData = data.setup_data as ScenarioData | undefined;
  const summary = summariseLoad(data, {
    endpoints: endpoints.map((e) => ({ key: e.key, label: e.label, phase: e.phase })),
    plateauSeconds: config.testSeconds,
    nonSteadySeconds: config.warmupSeconds + config.cooldownSeconds + config.rampDownSeconds,
    skipped: setupData ? setupData.skipped : [],
    rateLimitVerificationEnabled: config.enableRateLimitChecks,
    rateLimitVerification: (setupData?.rateLimitVerification as never) ?? null,
  });
  const text = formatLoadSummary(summary, { color: useColor(data, __ENV) });
  const file = scriptEntry('performance').resultsFile;
  return summaryOutputs(text, summarySettings, { [file]: buildLoadResultsJson(summary) });
}
