// A complete run.json record. The schema test checks it; the report tests of other packages
// start from it and change what their case is about (they import it by path: test support is
// not part of the published package).
import type { RunRecord } from '../run/run-record.js';

/** A passed 135 s `bench performance` run of node-runner against the embedded target. */
export function sampleRunRecord(): RunRecord {
  return {
    version: 1,
    run_id: '20261201T060000Z-4f3a',
    tool: { name: 'rota-perf', version: '0.1.0', git_commit: 'f011a85' },
    command: 'bench',
    script: 'performance',
    started_at: '2026-12-01T06:00:00.000Z',
    ended_at: '2026-12-01T06:02:15.000Z',
    duration_seconds: 135,
    engine: { kind: 'node-runner', version: '0.1.0' },
    target: { url: 'http://127.0.0.1:38315', embedded: true, fixture: 'small' },
    variables: { TARGET_RPS: '5', AUTH_PASSWORD: '***' },
    host: {
      hostname: 'ci',
      platform: 'linux',
      cpus: 2,
      cpu_model: 'x86_64',
      memory_bytes: 24e9,
      load_average: [0.5, 0.4, 0.3],
      node: 'v20.20.2',
    },
    exit_code: 0,
    interrupted: false,
    verdict: 'passed',
    thresholds: [{ metric: 'http_req_failed', expression: 'rate<0.01', passed: true }],
    checks: [{ name: 'status is 200', passes: 10, fails: 0 }],
    status_codes: { '200': 10 },
    dropped_iterations: 0,
    rate: { target_rps: 95, achieved_rps: 94.7, plateau_rps: 95 },
    files: {
      results: 'results.json',
      series: 'performance_series.json',
      memory_csv: 'performance_memory.csv',
      report: 'report.html',
      ndjson: null,
      others: [],
    },
    phases: [{ name: 'plateau', start_seconds: 30, end_seconds: 90, target_rps: 95 }],
    instances: [],
    notes: [],
  };
}
