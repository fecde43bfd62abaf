// performance.test.js: one ramping-arrival-rate scenario per endpoint, all at once.
import { formatK6Duration, type K6SummaryData, scriptEntry } from '@rota-perf/core';
import { formatLoadSummary } from '@rota-perf/report-formatter';
import { ENDPOINTS } from '../catalogue.js';
import { readPerformanceConfig } from '../env.js';
import { endpointThresholds, SUMMARY_TREND_STATS } from '../metrics.js';
import { type ScenarioData, sendEndpoint } from '../request.js';
import { readBootstrapConfig, runSetup } from '../setup.js';
import { buildLoadResultsJson } from '../summary/load-results-json.js';
import { summariseLoad } from '../summary/load-summary.js';
import { summaryOutputs, useColor } from '../summary.js';
import { plateauTag } from '../window.js';

const config = readPerformanceConfig(__ENV);
const endpoints = ENDPOINTS.filter((e) => config.enableWrites || !e.optionalWrite);
const keys = endpoints.map((e) => e.key);
const rateLimit = {
  maxAttempts: config.rateLimitMaxAttempts,
  windowSeconds: config.rateLimitWindowSeconds,
  verify: config.enableRateLimitChecks,
};
const bootstrapConfig = readBootstrapConfig(__ENV, { keys, loginRps: config.writeRps, rateLimit });

function stagesFor(target: number) {
  const d = formatK6Duration;
  return [
    { duration: d(config.warmupSeconds), target: Math.max(1, Math.round(0.5 * target)) },
    { duration: d(config.testSeconds), target },
    { duration: d(config.cooldownSeconds), target: Math.max(1, Math.round(0.25 * target)) },
    { duration: d(config.rampDownSeconds), target: 0 },
  ];
}

function scenarioFor(key: string, phase: string) {
  const target = phase === 'main' ? config.targetRps : config.writeRps;
  return {
    executor: 'ramping-arrival-rate',
    startRate: Math.max(1, Math.round(0.25 * target)),
    timeUnit: '1s',
    preAllocatedVUs: config.preAllocatedVUs,
    maxVUs: config.maxVUs,
    stages: stagesFor(target),
    // The original stopped enrolment with 0s, which interrupted in-flight requests and
    // counted them as failures; every scenario may finish its in-flight work here.
    gracefulStop: '30s',
    exec: key,
    tags: { traffic: phase === 'main' ? 'read' : phase },
  };
}

const scenarios: Record<string, unknown> = {};
for (const e of endpoints) scenarios[e.key] = scenarioFor(e.key, e.phase);

export const options = {
  scenarios,
  insecureSkipTLSVerify: config.insecureSkipTlsVerify,
  summaryTrendStats: SUMMARY_TREND_STATS,
  setupTimeout: '120s',
  thresholds: {
    'http_req_failed{phase:main}': [
      { threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' },
    ],
    'http_req_failed{phase:write}': ['rate<=1'],
    'http_req_failed{phase:auth}': ['rate<=1'],
    http_req_duration: ['p(95)<500', 'p(99)<1000'],
    endpoint_duration_ms: ['p(95)<450'],
    'http_reqs{window:plateau}': ['count>=0'],
    ...endpointThresholds(keys),
  },
};

export function setup(): Promise<ScenarioData> {
  return runSetup(bootstrapConfig, { keys, loginRps: config.writeRps, rateLimit });
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
  return summaryOutputs(text, config.resultsDir, { [file]: buildLoadResultsJson(summary) });
}
