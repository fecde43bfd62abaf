// The k6 scripts: the one list every tool takes them from (the rollup build, `bench`, the
// README tables, the report's list of results files, the plans behind live progress and the
// run record, the tests). Adding a script means adding its entry here, its k6 source and its
// test; a documented rule (MAX_VUS, the warm-up rate) is written beside the code computing it.
import { type SweepVariables, sweepVariableDocs, sweepVariableNames } from './sweep.js';
import type { ScriptEntry } from './types.js';

const bundle = (name: string) => `performance/k6/${name}.test.js`;

const performanceScript = {
  name: 'performance',
  aliases: [],
  source: 'src/scripts/performance.ts',
  bundle: bundle('performance'),
  resultsFile: 'results.json',
  resultsLayout: 'load',
  reportTitle: 'Load test',
  summary: 'the endpoint benchmark',
  details:
    "Each endpoint gets its own `ramping-arrival-rate` scenario: the warm-up ramps it from 0 to its rate, the plateau holds that rate for `TEST_DURATION` (the steady-state figures count plateau requests only), then the cool-down ramps it to a quarter and the final ramp to 0. The scenarios start spread over one arrival period (the i-th of n at i/n of 1/rate), so the endpoints' requests interleave instead of arriving together in bursts (bursts made each endpoint's latency depend on its place in the burst, which changes from run to run). The reads: `GET /trails/showcase`, `/trails/`, `/trails/:id`, `/sections`, `/sections/:sectionId/items`, `/sections-with-items`, `/included-items`, `/requirements`, `/audience`, `/learn` and `/trails/:id/items/:itemId`. Then `POST /auth/login`, `POST /user-trails/:id/enroll`, `GET /user-trails/:id/progress`, `/items-progress`, `/sections-progress` and `GET /me`. Unless disabled, also `PUT /trails/:id/items/:itemId/progress` and `POST …/form-submissions`.",
  variables: [
    {
      name: 'TARGET_RPS',
      default: '`5`',
      description: 'Arrival rate per read endpoint on the plateau.',
    },
    {
      name: 'WRITE_RPS',
      default: '`max(1, round(TARGET_RPS/4))`',
      description: 'Plateau rate of the login and write scenarios.',
    },
    {
      name: 'TEST_DURATION',
      default: '`1m`',
      description: 'Plateau: every scenario holds its rate this long (the steady state).',
    },
    {
      name: 'WARMUP_DURATION',
      default: '`30s`',
      description: 'Warm-up: ramps each scenario from 0 to its rate.',
    },
    {
      name: 'COOLDOWN_DURATION',
      default: '`30s`',
      description: 'Cool-down after the plateau: ramps to a quarter of the rate.',
    },
    {
      name: 'RAMP_DOWN_DURATION',
      default: '`15s`',
      description: 'Final ramp from a quarter of the rate to 0.',
    },
    { name: 'PRE_ALLOCATED_VUS', default: '`20`', description: 'VUs allocated per scenario.' },
    {
      name: 'MAX_VUS',
      default: '`max(PRE·4, PRE+10)`',
      description: 'VU cap per scenario (at least `PRE_ALLOCATED_VUS`).',
    },
    {
      name: 'ENABLE_RATE_LIMIT_SCENARIOS',
      default: '`false`',
      description: 'Also verify that the auth rate limiter answers 429.',
    },
    {
      name: 'AUTH_RATE_LIMIT_MAX_ATTEMPTS',
      default: '`10`',
      description:
        "The limiter's attempts per window. Used to size the login pool and to verify the limiter.",
    },
    {
      name: 'AUTH_RATE_LIMIT_WINDOW_SECONDS',
      default: '`60`',
      description: "The limiter's window.",
    },
  ],
  schedule: {
    kind: 'endpoints',
    variables: {
      rate: 'TARGET_RPS',
      warmup: 'WARMUP_DURATION',
      plateau: 'TEST_DURATION',
      cooldown: 'COOLDOWN_DURATION',
      rampDown: 'RAMP_DOWN_DURATION',
      preAllocatedVUs: 'PRE_ALLOCATED_VUS',
      maxVUs: 'MAX_VUS',
    },
    maxVUs: (pre) => Math.max(pre * 4, pre + 10),
  },
} as const satisfies ScriptEntry;

const RPS_PROBE_VARIABLES: SweepVariables = {
  min: { name: 'MIN_PROBE_RPS', default: '`10`' },
  max: { name: 'MAX_PROBE_RPS', default: '`200`' },
  step: { name: 'PROBE_STEP_RPS', default: '`10`' },
  warmup: { name: 'PROBE_WARMUP_DURATION', default: '`30s`' },
  stepDuration: { name: 'PROBE_STEP_DURATION', default: '`30s`' },
  pause: { name: 'PROBE_STEP_PAUSE', default: '`5s`' },
  tolerance: { name: 'PROBE_FAILURE_TOLERANCE', default: '`0.01`' },
  p95SloMs: { name: 'PROBE_P95_MS', default: 'unset' },
  abortOnFail: { name: 'PROBE_ABORT_ON_FAIL', default: '`false`' },
  preAllocatedVUs: { name: 'PRE_ALLOCATED_VUS', default: '`50`' },
  maxVUs: { name: 'MAX_VUS', default: '`max(PRE·4, PRE+20)`' },
};

const rpsProbeScript = {
  name: 'rps_probe',
  aliases: ['rps-probe'],
  source: 'src/scripts/rps-probe.ts',
  bundle: bundle('rps_probe'),
  resultsFile: 'rps_results.json',
  resultsLayout: 'sweep',
  reportTitle: 'RPS sweep',
  summary: 'the RPS ceiling step sweep',
  details:
    'This probe rotates through all endpoints together. It runs one `constant-arrival-rate` scenario per level (`probe_<rate>`) after a warm-up, with pauses in between. A level passes when its failure rate is within the tolerance, its p95 is within `PROBE_P95_MS` (if set), and the achieved RPS is at least 95 % of the target. The highest passing level before the first failing one is the ceiling.',
  variables: sweepVariableDocs(RPS_PROBE_VARIABLES),
  schedule: {
    kind: 'sweep',
    variables: sweepVariableNames(RPS_PROBE_VARIABLES),
    scenarioPrefix: 'probe',
    exec: 'probe_iteration',
    maxVUs: (pre) => Math.max(pre * 4, pre + 20),
    warmupRps: (min) => Math.max(1, min),
  },
} as const satisfies ScriptEntry;

const PROGRESS_PROBE_VARIABLES: SweepVariables = {
  min: { name: 'PROGRESS_MIN_RPS', default: '`10`' },
  max: { name: 'PROGRESS_MAX_RPS', default: '`80`' },
  step: { name: 'PROGRESS_STEP_RPS', default: '`10`' },
  warmup: { name: 'PROGRESS_WARMUP_DURATION', default: '`30s`' },
  stepDuration: { name: 'PROGRESS_STEP_DURATION', default: '`45s`' },
  pause: { name: 'PROGRESS_STEP_PAUSE', default: '`10s`' },
  tolerance: { name: 'PROGRESS_FAILURE_TOLERANCE', default: '`0.01`' },
  p95SloMs: { name: 'PROGRESS_P95_MS', default: 'unset' },
  abortOnFail: { name: 'PROGRESS_ABORT_ON_FAIL', default: '`false`' },
  preAllocatedVUs: { name: 'PROGRESS_PRE_ALLOCATED_VUS', default: '`80`' },
  maxVUs: { name: 'PROGRESS_MAX_VUS', default: '`PRE·4`' },
};

const progressProbeScript = {
  name: 'progress_probe',
  aliases: ['progress-probe'],
  source: 'src/scripts/progress-probe.ts',
  bundle: bundle('progress_probe'),
  resultsFile: 'progress_probe_results.json',
  resultsLayout: 'sweep',
  reportTitle: 'Progress probe',
  summary: 'the progress endpoints',
  details:
    'This probe covers only `GET /user-trails/:id/progress`, `/items-progress` and `/sections-progress`. Each level is a `progress_<rate>` scenario, and the warm-up runs at half the first level.',
  variables: sweepVariableDocs(PROGRESS_PROBE_VARIABLES),
  schedule: {
    kind: 'sweep',
    variables: sweepVariableNames(PROGRESS_PROBE_VARIABLES),
    scenarioPrefix: 'progress',
    exec: 'progress_iteration',
    maxVUs: (pre) => pre * 4,
    // Half the first level, as the original (which tagged the unrounded half).
    warmupRps: (min) => Math.max(1, Math.round(min * 0.5)),
  },
} as const satisfies ScriptEntry;

const progressWriteScript = {
  name: 'progress_write',
  aliases: ['progress-write'],
  source: 'src/scripts/progress-write.ts',
  bundle: bundle('progress_write'),
  resultsFile: 'progress_write_results.json',
  resultsLayout: 'write',
  reportTitle: 'Progress write probe',
  summary: 'the progress write probe',
  details:
    "This probe sends only `PUT /trails/:trailId/items/:itemId/progress`, with a valid and increasing progress body. Its schedule has the endpoint benchmark's shape: warm-up from 0, a plateau at `PROGRESS_WRITE_RPS`, cool-down, final ramp.",
  variables: [
    { name: 'PROGRESS_WRITE_RPS', default: '`15`', description: 'Plateau rate.' },
    {
      name: 'PROGRESS_WRITE_DURATION',
      default: '`2m`',
      description: 'Plateau: the probe holds its rate this long.',
    },
    {
      name: 'PROGRESS_WRITE_WARMUP',
      default: '`30s`',
      description: 'Warm-up: ramps from 0 to the rate.',
    },
    {
      name: 'PROGRESS_WRITE_COOLDOWN',
      default: '`30s`',
      description: 'Cool-down after the plateau: ramps to a quarter of the rate.',
    },
    {
      name: 'PROGRESS_WRITE_RAMP_DOWN',
      default: '`10s`',
      description: 'Final ramp from a quarter of the rate to 0.',
    },
    {
      name: 'PROGRESS_WRITE_PRE_ALLOCATED_VUS',
      default: '`20`',
      description: 'VUs allocated.',
    },
    { name: 'PROGRESS_WRITE_MAX_VUS', default: '`max(PRE, 80)`', description: 'VU cap.' },
    {
      name: 'PROGRESS_WRITE_FAILURE_TOLERANCE',
      default: '`0.02`',
      description: 'The run aborts once the failure rate goes past it.',
    },
  ],
  schedule: {
    kind: 'plateau',
    variables: {
      rate: 'PROGRESS_WRITE_RPS',
      warmup: 'PROGRESS_WRITE_WARMUP',
      plateau: 'PROGRESS_WRITE_DURATION',
      cooldown: 'PROGRESS_WRITE_COOLDOWN',
      rampDown: 'PROGRESS_WRITE_RAMP_DOWN',
      preAllocatedVUs: 'PROGRESS_WRITE_PRE_ALLOCATED_VUS',
      maxVUs: 'PROGRESS_WRITE_MAX_VUS',
      tolerance: 'PROGRESS_WRITE_FAILURE_TOLERANCE',
    },
    maxVUs: (pre) => Math.max(pre, 80),
  },
} as const satisfies ScriptEntry;

/** Every k6 script, in the order the README and `--help` list them. */
export const SCRIPTS = [
  performanceScript,
  rpsProbeScript,
  progressProbeScript,
  progressWriteScript,
] as const;
