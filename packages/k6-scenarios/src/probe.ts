// What the two step probes share: the plan from env, the rotation over the endpoints that can
// run, and handleSummary through rps-sweeper's analysis and report-formatter's console text.
import { type K6SummaryData, readScriptEnv, scriptEntry } from '@rota-perf/core';
import { formatSweepSummary } from '@rota-perf/report-formatter';
import {
  analyseSweep,
  buildSweepResultsJson,
  type ProbeKind,
  planSweep,
  readSweepConfig,
} from '@rota-perf/rps-sweeper';
import exec from 'k6/execution';
import { declareGeneratorMetrics, SUMMARY_TREND_STATS } from './metrics.js';
import { isSkipped, type ScenarioData, sendEndpoint } from './request.js';
import { readSummarySettings } from './script-settings.js';
import { summaryOutputs, useColor } from './summary.js';

/** A probe script built from its kind and the endpoint keys it rotates through. */
export function createProbe(
  kind: ProbeKind,
  keys: readonly string[],
  durationThresholds: string[],
) {
  const env = __ENV;
  // Each level's generator CPU, event-loop lag and start lag reach the verdict (node-runner).
  const plan = planSweep({ ...readSweepConfig(env, kind), generatorMetrics: true });
  const generatorMetrics = declareGeneratorMetrics();
  const summarySettings = readSummarySettings(env);
  const options = {
    scenarios: plan.scenarios,
    insecureSkipTLSVerify: readScriptEnv(kind, env).boolean('INSECURE_SKIP_TLS_VERIFY'),
    summaryTrendStats: SUMMARY_TREND_STATS,
    setupTimeout: '120s',
    thresholds: { ...plan.thresholds, http_req_duration: durationThresholds },
  };

  /** One request per iteration, rotating globally over the endpoints that are not skipped. */
  async function iteration(data: ScenarioData): Promise<void> {
    const runnable = keys.filter((k) => !isSkipped(data, k));
    if (runnable.length === 0) return;
    const n = exec.scenario.iterationInTest;
    await sendEndpoint(data, runnable[n % runnable.length] as string, { iteration: n });
  }

  function handleSummary(data: K6SummaryData) {
    const result = analyseSweep(data, plan, { kind });
    const setupData = data.setup_data as ScenarioData | undefined;
    const json = {
      ...buildSweepResultsJson(result),
      skipped_scenarios: setupData ? setupData.skipped : [],
    };
    const text = formatSweepSummary(result, { color: useColor(data, env) });
    return summaryOutputs(text, summarySettings, { [scriptEntry(kind).resultsFile]: json });
  }

  return { options, plan, generatorMetrics, iteration, handleSummary };
}
