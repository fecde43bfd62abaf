import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadResultSchema } from './node/files.js';
import { RECORD_SCHEMA, RESULT_FILE, RESULT_FILES } from './results/files.js';
import { sampleComparison } from './test-support/comparison.js';
import { schemaErrors } from './test-support/schema.js';

const SCHEMAS = fileURLToPath(new URL('../schemas/', import.meta.url));

const level = {
  scenario: 'probe_10',
  target_rps: 10,
  observed_rps: 9.9,
  requests: 297,
  failure_rate: 0,
  failed_requests: 0,
  passed: true,
  p95_ms: 12.5,
  p99_ms: null,
  dropped_iterations: 0,
  reason: null,
  start_seconds: 0,
  cause: null,
  max_vus: 50,
  mean_latency_ms: 12.1,
  concurrency: 0.12,
  required_concurrency: 0.121,
  generator_cpu_percent: 4.5,
  event_loop_lag_ms: 1.2,
  start_lag_ms: 0.8,
};
const sweep = {
  min_target_rps: 10,
  max_target_rps: 10,
  step_rps: 1,
  failure_tolerance: 0.01,
  highest_passing_target: 10,
  scenarios: [level],
  total_duration_seconds: 30,
  unstable: false,
  generator_saturated: false,
  limited_by: null,
  ceiling_is_lower_bound: true,
  p95_slo_ms: null,
  started_at: null,
};

describe('results schemas', () => {
  it('one schema file per layout, each used by a results file', () => {
    const files = readdirSync(SCHEMAS)
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    const used = [...RESULT_FILES.map((f) => f.schema), ...Object.values(RECORD_SCHEMA)];
    expect([...new Set(used)].sort()).toEqual(files);
  });

  it('accept a valid sweep document and reject a drifted one', () => {
    expect(schemaErrors('rps_results.json', sweep)).toEqual([]);
    const { total_duration_seconds: _dropped, ...progress } = sweep;
    expect(schemaErrors('progress_probe_results.json', progress)).toEqual([]);
    expect(schemaErrors('rps_results.json', { ...sweep, extra: 1 })).toEqual([
      ' must NOT have additional properties',
    ]);
    expect(
      schemaErrors('rps_results.json', { ...sweep, scenarios: [{ ...level, passed: 'yes' }] }),
    ).toEqual(['/scenarios/0/passed must be boolean']);
  });

  it('a level says what held it back, from a fixed set of causes', () => {
    const failing = {
      ...level,
      passed: false,
      reason: 'achieved 180 RPS, below 95% of target 200; …',
      cause: 'vu_pool_exhausted',
      generator_cpu_percent: null,
    };
    const doc = { ...sweep, scenarios: [failing], limited_by: 'vu_pool_exhausted' };
    expect(schemaErrors('rps_results.json', doc)).toEqual([]);
    expect(
      schemaErrors('rps_results.json', { ...doc, scenarios: [{ ...failing, cause: 'slow' }] }),
    ).toEqual(['/scenarios/0/cause must be equal to one of the allowed values']);
    const { start_lag_ms: _missing, ...without } = failing;
    expect(schemaErrors('rps_results.json', { ...doc, scenarios: [without] })).toEqual([
      "/scenarios/0 must have required property 'start_lag_ms'",
    ]);
  });

  it('the sweep and adaptive schemas define a level alike', () => {
    const defs = (file: string) => (loadResultSchema(file).$defs ?? {}) as Record<string, unknown>;
    const sweepDefs = defs('rps_results.json');
    const adaptiveDefs = defs(RESULT_FILE.adaptiveProbe);
    for (const name of ['sweepLevel', 'levelCause']) {
      expect(sweepDefs[name]).toBeDefined();
      expect(adaptiveDefs[name]).toEqual(sweepDefs[name]);
    }
  });

  it('the adaptive layout extends the sweep layout with the search', () => {
    const adaptive = {
      ...sweep,
      ceiling: 10,
      first_failure: null,
      confirmed: true,
      reached_max: true,
      exhausted: false,
      notes: [],
      runs: [{ phase: 'step', rate: 10, passed: true }],
    };
    expect(schemaErrors(RESULT_FILE.adaptiveProbe, adaptive)).toEqual([]);
    expect(schemaErrors(RESULT_FILE.adaptiveProbe, sweep)).not.toEqual([]);
  });

  it('results files may carry the run id that wrote them (string, or null outside rota-perf)', () => {
    expect(
      schemaErrors('rps_results.json', { ...sweep, run_id: '2026-12-01T06-40-12Z-4f3a' }),
    ).toEqual([]);
    expect(schemaErrors('rps_results.json', { ...sweep, run_id: null })).toEqual([]);
    expect(schemaErrors('rps_results.json', { ...sweep, run_id: 7 })).toEqual([
      '/run_id must be string,null',
    ]);
  });
});

describe('database schemas', () => {
  const summary = {
    interval_ms: 500,
    rounds: 4,
    backend_samples: 6,
    truncated: false,
    events: [{ event: 'Lock:transactionid', samples: 4 }],
    statements: [
      {
        query_id: '-4242',
        query: 'insert into user_item_progress …',
        route: 'PUT /trails/:trailId/items/:itemId/progress',
        samples: 6,
        waiting: 4,
        events: [
          { event: 'Lock:transactionid', samples: 4 },
          { event: 'CPU', samples: 2 },
        ],
      },
    ],
  };
  const stat = {
    query_id: '42',
    query: 'select 1',
    route: 'GET /me',
    calls: 3,
    total_ms: 1.5,
    mean_ms: 0.5,
    rows: 3,
    shared_hit_blocks: 9,
    shared_read_blocks: 0,
    share_of_total: 1,
  };
  const insights = {
    run_id: 'r1',
    started_at: '2026-12-01T00:00:00.000Z',
    finished_at: '2026-12-01T00:01:00.000Z',
    database: { url: 'postgres://u:***@127.0.0.1:5432/db', embedded: true, server_version: '18.4' },
    statements: {
      available: true,
      missing: null,
      statements_seen: 1,
      total_ms: 1.5,
      top: [stat],
      routes: [{ route: 'GET /me', calls: 3, total_ms: 1.5, statements: [stat] }],
    },
    waits: { available: true, missing: null, summary },
  };

  it('accept a database insights document, and one that says what is missing', () => {
    expect(schemaErrors(RESULT_FILE.databaseInsights, insights)).toEqual([]);
    const missing = 'pg_stat_statements is not loaded: add it to shared_preload_libraries';
    const without = {
      ...insights,
      statements: { ...insights.statements, available: false, missing, top: [], routes: [] },
      waits: { available: false, missing, summary: null },
    };
    expect(schemaErrors(RESULT_FILE.databaseInsights, without)).toEqual([]);
    expect(
      schemaErrors(RESULT_FILE.databaseInsights, {
        ...insights,
        statements: { ...insights.statements, top: [{ ...stat, share_of_total: 2 }] },
      }),
    ).toEqual(['/statements/top/0/share_of_total must be <= 1']);
  });

  it('the db-bench and insights schemas define the wait summary alike', () => {
    const defs = (file: string) => (loadResultSchema(file).$defs ?? {}) as Record<string, unknown>;
    const dbBench = defs(RESULT_FILE.dbBench);
    const database = defs(RESULT_FILE.databaseInsights);
    for (const name of ['waitSummary', 'waitEvent', 'statementWaits']) {
      expect(dbBench[name]).toEqual(database[name]);
    }
  });
});

describe('comparison schema', () => {
  const comparison = sampleComparison();

  it('accepts a comparison and rejects a drifted verdict or exit code', () => {
    expect(schemaErrors(RESULT_FILE.comparison, comparison)).toEqual([]);
    const [row] = comparison.rows;
    expect(
      schemaErrors(RESULT_FILE.comparison, {
        ...comparison,
        rows: [{ ...row, verdict: 'worse' }],
      }),
    ).toEqual(['/rows/0/verdict must be equal to one of the allowed values']);
    expect(schemaErrors(RESULT_FILE.comparison, { ...comparison, exit_code: 1 })).toEqual([
      '/exit_code must be equal to one of the allowed values',
    ]);
  });

  it('accepts unset budgets and per-endpoint overrides', () => {
    const budgets = {
      default: { max_p95_increase: 0.1, max_error_rate_increase: 0.005, max_rps_decrease: null },
      overrides: { 'GET /trails': { max_p95_increase: 0.2 } },
    };
    expect(schemaErrors(RESULT_FILE.comparison, { ...comparison, budgets })).toEqual([]);
  });
});
