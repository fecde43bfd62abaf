import type { ScenarioConfig } from '../options/scenarios.js';
import { formatDurationShort as d } from '../util/duration.js';

const LOGO = `
          /\\      |‾‾| /‾‾/   /‾‾/   
     /\\  /  \\     |  |/  /   /  /    
    /  \\/    \\    |     (   /   ‾‾\\  
   /          \\   |  |\\  \\ |  (‾)  | 
  / __________ \\  |__| \\__\\ \\_____/ .io
`;

/** The longest a scenario can take, graceful stop included (k6's "max duration"). */
export function scenarioMaxMs(s: ScenarioConfig): number {
  const stagesMs = s.stages.reduce((a, st) => a + st.durationMs, 0);
  switch (s.executor) {
    case 'constant-vus':
    case 'constant-arrival-rate':
      return s.startTimeMs + s.durationMs + s.gracefulStopMs;
    case 'ramping-vus':
      return s.startTimeMs + stagesMs + s.gracefulRampDownMs + s.gracefulStopMs;
    case 'ramping-arrival-rate':
      return s.startTimeMs + stagesMs + s.gracefulStopMs;
    default:
      return s.startTimeMs + s.maxDurationMs + s.gracefulStopMs;
  }
}

/** Initial VUs plus growth room: what the scenario may use at most. */
export function scenarioMaxVus(s: ScenarioConfig): number {
  switch (s.executor) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return s.maxVUs;
    case 'ramping-vus':
      return Math.max(s.startVUs, ...s.stages.map((st) => st.target));
    case 'shared-iterations':
      return Math.min(s.vus, s.iterations);
    default:
      return s.vus;
  }
}

/** VUs a scenario initialises before the test starts (arrival-rate: preAllocatedVUs). */
export function initialVus(s: ScenarioConfig): number {
  switch (s.executor) {
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return s.preAllocatedVUs;
    case 'ramping-vus':
      return Math.max(s.startVUs, ...s.stages.map((st) => st.target));
    case 'shared-iterations':
      return Math.min(s.vus, s.iterations);
    default:
      return s.vus;
  }
}

/** One scenario described as in k6's header. */
export function describeScenario(s: ScenarioConfig): string {
  const extra: string[] = [];
  if (s.startTimeMs) extra.push(`startTime: ${d(s.startTimeMs)}`);
  if (s.exec !== 'default') extra.push(`exec: ${s.exec}`);
  const stagesMs = s.stages.reduce((a, st) => a + st.durationMs, 0);
  let text: string;
  switch (s.executor) {
    case 'shared-iterations':
      text = `${s.iterations} iterations shared among ${s.vus} VUs (maxDuration: ${d(s.maxDurationMs)}`;
      break;
    case 'per-vu-iterations':
      text = `${s.iterations} iterations for each of ${s.vus} VUs (maxDuration: ${d(s.maxDurationMs)}`;
      break;
    case 'constant-vus':
      text = `${s.vus} looping VUs for ${d(s.durationMs)} (`;
      break;
    case 'ramping-vus':
      text = `Up to ${scenarioMaxVus(s)} looping VUs for ${d(stagesMs)} over ${s.stages.length} stages (gracefulRampDown: ${d(s.gracefulRampDownMs)}`;
      break;
    case 'constant-arrival-rate':
      text = `${((s.rate * 1000) / s.timeUnitMs).toFixed(2)} iterations/s for ${d(s.durationMs)} (maxVUs: ${s.preAllocatedVUs === s.maxVUs ? s.maxVUs : `${s.preAllocatedVUs}-${s.maxVUs}`}`;
      break;
    default: {
      const peak = Math.max(s.startRate, ...s.stages.map((st) => st.target));
      text = `Up to ${((peak * 1000) / s.timeUnitMs).toFixed(2)} iterations/s for ${d(stagesMs)} over ${s.stages.length} stages (maxVUs: ${s.preAllocatedVUs}-${s.maxVUs}`;
    }
  }
  const parts = [...extra, `gracefulStop: ${d(s.gracefulStopMs)}`];
  return `${text}${text.endsWith('(') ? '' : ', '}${parts.join(', ')})`;
}

/** The banner and scenario header k6 prints before a run. */
export function formatHeader(script: string, scenarios: readonly ScenarioConfig[]): string {
  const maxVus = scenarios.reduce((a, s) => a + scenarioMaxVus(s), 0);
  const maxMs = Math.max(...scenarios.map(scenarioMaxMs));
  const n = scenarios.length;
  const lines = [
    LOGO,
    '     execution: local',
    `        script: ${script}`,
    '        output: -',
    '',
    `     scenarios: (100.00%) ${n} scenario${n === 1 ? '' : 's'}, ${maxVus} max VUs, ${d(maxMs)} max duration (incl. graceful stop):`,
    ...scenarios.map((s) => `              * ${s.name}: ${describeScenario(s)}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
