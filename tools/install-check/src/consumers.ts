// What a user of each public package writes: a file that imports every entry point with its
// types and calls one function. It is type-checked with `tsc --strict` (skipLibCheck off, so
// our shipped declarations are checked too), compiled, run, and its output compared.

/** One package installed alone into its own project. */
export interface Consumer {
  /** The package folder under packages/. */
  folder: string;
  /** Our packages the install must bring, itself included (the architecture's arrows). */
  ours: readonly string[];
  /** Entry points that only load inside k6 (they import `k6/*`): type-checked, not imported. */
  k6Only?: readonly string[];
  /** Type packages a user adds for the type check, beside @types/node. */
  extraTypes?: readonly string[];
  /** The TypeScript file; it prints one JSON line. */
  usage: string;
  /** What that line holds. */
  expected: unknown;
}

export const CONSUMERS: readonly Consumer[] = [
  {
    folder: 'core',
    ours: ['core'],
    usage: `import { durationSeconds, formatBytes, SCRIPT_NAMES, type ScriptName } from '@rota-perf/core';
import { loadResultSchema } from '@rota-perf/core/node';
import { createLatencyHistogram, latencyStatsOf, recordLatency } from '@rota-perf/core/series';
const first: ScriptName | undefined = SCRIPT_NAMES[0];
const schema = loadResultSchema('db_bench_results.json');
const histogram = createLatencyHistogram();
recordLatency(histogram, 12);
console.log(JSON.stringify({
  seconds: durationSeconds('1h2m.5s'),
  bytes: formatBytes(1536),
  script: typeof first,
  schema: typeof schema.$schema,
  latencies: latencyStatsOf(histogram).count,
}));
`,
    expected: {
      seconds: 3720.5,
      bytes: '1.50 KiB',
      script: 'string',
      schema: 'string',
      latencies: 1,
    },
  },
  {
    folder: 'bootstrap-auth',
    ours: ['core', 'bootstrap-auth'],
    k6Only: ['./k6'],
    extraTypes: ['@types/k6'],
    usage: `import { type BootstrapConfig, configFromEnv } from '@rota-perf/bootstrap-auth';
import type * as k6Adapter from '@rota-perf/bootstrap-auth/k6';
import { createNodeClient, type NodeHttpClient } from '@rota-perf/bootstrap-auth/node';
const config: BootstrapConfig = configFromEnv({ BASE_URL: 'http://127.0.0.1:8001/' }, { now: 1 });
const options: k6Adapter.K6ClientOptions = { timeout: '30s' };
const client: NodeHttpClient = createNodeClient({ timeoutMs: 1000 });
client.close();
console.log(JSON.stringify({ baseUrl: config.baseUrl, timeout: options.timeout }));
`,
    expected: { baseUrl: 'http://127.0.0.1:8001', timeout: '30s' },
  },
  {
    folder: 'rps-sweeper',
    ours: ['core', 'rps-sweeper'],
    usage: `import { planSweep, type SweepPlan } from '@rota-perf/rps-sweeper';
const plan: SweepPlan = planSweep({
  min: 10, max: 30, step: 10, warmup: '5s', stepDuration: '10s', pause: 0, tolerance: 0.01,
  preAllocatedVUs: 5, maxVUs: 50, scenarioPrefix: 'probe', exec: 'probe', gracefulStop: '5s',
});
console.log(JSON.stringify({ levels: plan.levels.length, stepSeconds: plan.stepSeconds }));
`,
    expected: { levels: 3, stepSeconds: 10 },
  },
  {
    folder: 'report-formatter',
    ours: ['core', 'report-formatter'],
    usage: `import { createPainter } from '@rota-perf/report-formatter';
import { readChartJsSource, type ReportInputs } from '@rota-perf/report-formatter/html';
const inputs: Partial<ReportInputs> = {};
const chartJs: string = await readChartJsSource();
console.log(JSON.stringify({
  plain: createPainter(false)('red', 'FAIL'),
  chartJs: chartJs.includes('Chart'),
  inputs: Object.keys(inputs).length,
}));
`,
    expected: { plain: 'FAIL', chartJs: true, inputs: 0 },
  },
  {
    folder: 'db-bench',
    ours: ['core', 'rota-db', 'pg-insights', 'db-bench'],
    usage: `import { formatDbBenchTable, matchCaseName } from '@rota-perf/db-bench';
import { type DbBenchOptions, parseDbBenchArgs } from '@rota-perf/db-bench/rota';
const options: DbBenchOptions = parseDbBenchArgs(['--iterations', '3'], {});
const aggregate = {
  executed_iterations: 0, total_runtime_seconds: 0, ops_per_second: 0, ops_per_minute: 0,
  rows_per_second: 0,
};
console.log(JSON.stringify({
  iterations: options.iterations,
  matches: matchCaseName('TrailsRepository.*')('TrailsRepository.get_trail'),
  table: formatDbBenchTable([], aggregate),
}));
`,
    expected: { iterations: 3, matches: true, table: 'No benchmarks executed.\n' },
  },
  {
    folder: 'pg-insights',
    ours: ['core', 'pg-insights'],
    usage: `import { routeOfStatement, type StatementDelta, summariseStatements, tagStatement } from '@rota-perf/pg-insights';
const tagged = tagStatement('select 1', 'GET /me');
const delta: StatementDelta = {
  queryId: '1', query: tagged, calls: 2, totalMs: 3, rows: 2, sharedHit: 0, sharedRead: 0,
};
console.log(JSON.stringify({
  route: routeOfStatement(tagged),
  routes: summariseStatements([delta]).routes.map((r) => r.route),
}));
`,
    expected: { route: 'GET /me', routes: ['GET /me'] },
  },
  {
    folder: 'mem-monitor',
    ours: ['core', 'mem-monitor'],
    usage: `import { compilePattern, DEFAULT_INTERVAL_SECONDS } from '@rota-perf/mem-monitor';
const matches: (command: string) => boolean = compilePattern('uvicorn app');
console.log(JSON.stringify({
  interval: DEFAULT_INTERVAL_SECONDS,
  matches: matches('python -m uvicorn app.asgi:app'),
}));
`,
    expected: { interval: 0.5, matches: true },
  },
  {
    folder: 'node-runner',
    ours: ['core', 'node-runner'],
    usage: `import { type CliArgs, parseCliArgs } from '@rota-perf/node-runner';
const args: CliArgs = parseCliArgs(['script.js', '-e', 'A=1']);
console.log(JSON.stringify({ script: args.script, env: args.env }));
`,
    expected: { script: 'script.js', env: { A: '1' } },
  },
];
