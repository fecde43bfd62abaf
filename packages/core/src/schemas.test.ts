import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA, RESULT_FILE, RESULT_FILES } from './results/files.js';
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
