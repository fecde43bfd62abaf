import { toNumber } from '../options/rational.js';
import type { ScenarioShare } from '../options/scenario-share.js';
import type { ScenarioConfig } from '../options/scenarios.js';
import { segmentLength } from '../options/segment.js';
import type { Share } from '../options/striping.js';
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

/** `maxVUs: 2` or `maxVUs: 2-4`: when k6 shows the range, the script asks for growth. */
function maxVusText(s: ScenarioConfig, share: ScenarioShare): string {
  // k6 compares the instance's counts for constant-, the script's for ramping-arrival-rate.
  const grows =
    s.executor === 'constant-arrival-rate'
      ? share.maxVus > share.initialVus
      : s.maxVUs > s.preAllocatedVUs;
  return grows ? `maxVUs: ${share.initialVus}-${share.maxVus}` : `maxVUs: ${share.initialVus}`;
}

/** One scenario described as in k6's header, with this instance's share of it. */
export function describeScenario(s: ScenarioConfig, share: ScenarioShare): string {
  const extra: string[] = [];
  if (s.startTimeMs) extra.push(`startTime: ${d(s.startTimeMs)}`);
  if (s.exec !== 'default') extra.push(`exec: ${s.exec}`);
  const stagesMs = s.stages.reduce((a, st) => a + st.durationMs, 0);
  let text: string;
  switch (s.executor) {
    case 'shared-iterations':
      text = `${share.iterations} iterations shared among ${share.initialVus} VUs (maxDuration: ${d(s.maxDurationMs)}`;
      break;
    case 'per-vu-iterations':
      text = `${s.iterations} iterations for each of ${share.initialVus} VUs (maxDuration: ${d(s.maxDurationMs)}`;
      break;
    case 'constant-vus':
      text = `${share.initialVus} looping VUs for ${d(s.durationMs)} (`;
      break;
    case 'ramping-vus':
      text = `Up to ${share.maxVus} looping VUs for ${d(stagesMs)} over ${s.stages.length} stages (gracefulRampDown: ${d(s.gracefulRampDownMs)}`;
      break;
    case 'constant-arrival-rate':
      text = `${((s.rate * 1000 * share.rateShare) / s.timeUnitMs).toFixed(2)} iterations/s for ${d(s.durationMs)} (${maxVusText(s, share)}`;
      break;
    default: {
      const peak = Math.max(s.startRate, ...s.stages.map((st) => st.target));
      text = `Up to ${((peak * 1000 * share.rateShare) / s.timeUnitMs).toFixed(2)} iterations/s for ${d(stagesMs)} over ${s.stages.length} stages (${maxVusText(s, share)}`;
    }
  }
  const parts = [...extra, `gracefulStop: ${d(s.gracefulStopMs)}`];
  return `${text}${text.endsWith('(') ? '' : ', '}${parts.join(', ')})`;
}

/** The banner and scenario header k6 prints before a run (with the instance's share of it). */
export function formatHeader(
  script: string,
  run: {
    scenarios: readonly ScenarioConfig[];
    shares: ReadonlyMap<ScenarioConfig, ScenarioShare>;
    share: Share;
  },
): string {
  const { scenarios, shares } = run;
  const shareOf = (s: ScenarioConfig) => shares.get(s) as ScenarioShare;
  const maxVus = scenarios.reduce((a, s) => a + shareOf(s).maxVus, 0);
  const percent = (toNumber(segmentLength(run.share.segment)) * 100).toFixed(2);
  const maxMs = Math.max(...scenarios.map(scenarioMaxMs));
  const n = scenarios.length;
  const lines = [
    LOGO,
    '     execution: local',
    `        script: ${script}`,
    '        output: -',
    '',
    `     scenarios: (${percent}%) ${n} scenario${n === 1 ? '' : 's'}, ${maxVus} max VUs, ${d(maxMs)} max duration (incl. graceful stop):`,
    ...scenarios.map((s) => `              * ${s.name}: ${describeScenario(s, shareOf(s))}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
