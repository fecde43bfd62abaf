import type { RunRecord } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { sampleRunRecord } from '../../core/src/test-support/run-record.js';
import { formatRunMarkdown, markdownTable } from './run-markdown.js';
import { runFacts, shownValue, statusClass, withoutCredentials } from './run-summary.js';
import { FIXTURE_HOST } from './test-support/run-fixture.js';

// The sample run, on k6 against a remote target with credentials in its URL and variables,
// its thresholds crossed.
const sample = sampleRunRecord();
const record: RunRecord = {
  ...sample,
  run_id: '2026-12-01T06-00-00Z-4f3a',
  engine: { kind: 'k6', version: '0.49.0' },
  target: { url: 'https://bench:s3cret@api.example.test/v1', embedded: false },
  variables: {
    TARGET_RPS: '95',
    AUTH_PASSWORD: 'hunter2',
    DATABASE_URL: 'postgres://rota:pw@127.0.0.1:5432/rota',
    NOTE: 'a|b',
  },
  host: FIXTURE_HOST,
  exit_code: 99,
  verdict: 'thresholds-crossed',
  thresholds: [
    { metric: 'http_req_failed', expression: 'rate<0.01', passed: true },
    { metric: 'http_req_duration', expression: 'p(95)<500', passed: false },
  ],
  checks: [{ name: 'status is 200', passes: 990, fails: 10 }],
  status_codes: { '503': 8, '200': 990, '0': 2 },
  dropped_iterations: 4,
  rate: { target_rps: 100, achieved_rps: 95, plateau_rps: 99.5 },
  files: { ...sample.files, series: null, memory_csv: null, report: null },
  phases: [],
  notes: ['k6 ran with --out json'],
};

describe('formatRunMarkdown', () => {
  it('heads the summary with the command and the verdict, then the facts', () => {
    const md = formatRunMarkdown(record);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## rota-perf bench performance: THRESHOLDS CROSSED');
    expect(md).toContain('| Engine | k6 0.49.0 |');
    expect(md).toContain('| Commit | rota-perf 0.1.0 @ f011a85 |');
    expect(md).toContain('| Duration | 2m 15s |');
    expect(md).toContain('| Host | ci (linux, 2 cores, 8.00 GiB, Node v20.20.2) |');
    expect(md).toContain('| Load average at start | 0.52 / 0.41 / 0.30 |');
    expect(md).not.toContain('Interrupted');
  });

  it('has the rate, thresholds, checks and status-code tables', () => {
    const md = formatRunMarkdown(record);
    // The target is the plateau's: achieved is the plateau's rate, the whole-run average beside it.
    expect(md).toContain(
      '| Target | Achieved | Achieved / target | Whole-run average | Dropped iterations |',
    );
    expect(md).toContain('| 100.00 RPS | 99.50 RPS | 99.50% | 95.00 RPS | 4 |');
    expect(md).toContain('Achieved: the rate held during the plateau window.');
    expect(md).toContain('| http_req_duration | p(95)<500 | FAIL |');
    expect(md).toContain('| http_req_failed | rate<0.01 | PASS |');
    expect(md).toContain('| status is 200 | 990 | 10 | 99.00% | FAIL |');
    // Status codes in numeric order, with their class and share.
    const statuses = md.slice(md.indexOf('### Status codes'), md.indexOf('### Settings'));
    expect(statuses.match(/^\| (\d+) \|/gm)).toEqual(['| 0 |', '| 200 |', '| 503 |']);
    expect(statuses).toContain('| 0 | no response | 2 | 0.20% |');
    expect(statuses).toContain('| 503 | 5xx | 8 | 0.80% |');
    expect(md).toContain('### Notes\n\n- k6 ran with --out json');
  });

  it('shows each instance of a merged run with its share, and no table for one instance', () => {
    expect(formatRunMarkdown(record)).not.toContain('Instances');
    const md = formatRunMarkdown({
      ...record,
      command: 'merge',
      instances: [
        {
          id: 'instance-1',
          segment: '0:1/2',
          requests: 510,
          share: 0.51,
          iterations: 500,
          achieved_rps: 25.5,
        },
        {
          id: 'instance-2',
          segment: '1/2:1',
          requests: 490,
          share: 0.49,
          iterations: 480,
          achieved_rps: null,
        },
      ],
    });
    const table = md.slice(md.indexOf('Instances'));
    expect(table).toContain('| instance-1 | 0:1/2 | 510 | 51.00% | 500 | 25.50 RPS |');
    expect(table).toContain('| instance-2 | 1/2:1 | 490 | 49.00% | 480 | n/a |');
  });

  it('never shows a secret or a credential, and keeps cells on their line', () => {
    const md = formatRunMarkdown(record);
    expect(md).not.toContain('hunter2');
    expect(md).not.toContain('s3cret');
    expect(md).not.toContain('rota:pw');
    expect(md).toContain('| AUTH_PASSWORD | *** |');
    expect(md).toContain('| DATABASE_URL | postgres://127.0.0.1:5432/rota |');
    expect(md).toContain('| Target | https://api.example.test/v1 |');
    expect(md).toContain('| NOTE | a\\|b |');
  });

  it('marks an interrupted run in the heading and with a quote block', () => {
    const md = formatRunMarkdown(
      {
        ...record,
        verdict: 'interrupted',
        interrupted: true,
        exit_code: 105,
        duration_seconds: 42,
      },
      { title: 'Nightly', level: 3 },
    );
    expect(md.split('\n')[0]).toBe('### Nightly: INTERRUPTED');
    expect(md).toContain(
      '> **Interrupted**: the run was stopped before its end; the figures cover the 42.00s measured until then.',
    );
    expect(md).toContain('#### Thresholds');
  });

  it('without a plateau, holds the whole-run rate against the target', () => {
    const md = formatRunMarkdown({ ...record, rate: { ...record.rate, plateau_rps: null } });
    expect(md).toContain('| 100.00 RPS | 95.00 RPS | 95.00% | 95.00 RPS | 4 |');
    expect(md).not.toContain('plateau window');
  });

  it('counts the thresholds that only make k6 report a sub-metric instead of listing them', () => {
    const md = formatRunMarkdown({
      ...record,
      thresholds: [
        ...record.thresholds,
        {
          metric: 'endpoint_duration_ms{endpoint:trails_list}',
          expression: 'max>=0',
          passed: true,
        },
        {
          metric: 'endpoint_requests{endpoint:trails_list}',
          expression: 'count >= 0',
          passed: true,
        },
        { metric: 'http_req_failed{phase:auth}', expression: 'rate>=0', passed: true },
        // One that did not pass (a NaN statistic) is listed: it says something is wrong.
        {
          metric: 'response_body_bytes{endpoint:trails_list}',
          expression: 'max>=0',
          passed: false,
        },
      ],
    });
    const table = md.slice(md.indexOf('### Thresholds'), md.indexOf('### Checks'));
    expect(table.match(/^\| [^|]+ \| [^|]+ \| (PASS|FAIL) \|$/gm)).toEqual([
      '| http_req_failed | rate<0.01 | PASS |',
      '| http_req_duration | p(95)<500 | FAIL |',
      '| response_body_bytes{endpoint:trails_list} | max>=0 | FAIL |',
    ]);
    expect(table).toContain(
      '3 more only make k6 report a sub-metric (max>=0, count>=0, rate>=0): they cannot fail and are not listed.',
    );
  });

  it('says "none" for an empty table rather than printing a header alone', () => {
    const md = formatRunMarkdown({ ...record, thresholds: [], checks: [] });
    expect(md).toContain('### Thresholds\n\nnone');
    expect(md).toContain('### Checks\n\nnone');
  });
});

describe('run summary helpers', () => {
  it('classes status codes, with 0 as no response', () => {
    expect(['0', '200', '302', '429', '503', '999'].map(statusClass)).toEqual([
      'no response',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'other',
    ]);
  });

  it('strips credentials and masks secret-looking variables', () => {
    expect(withoutCredentials('http://u:p@h:1/x?y=1')).toBe('http://h:1/x?y=1');
    expect(withoutCredentials('http://h/x@y')).toBe('http://h/x@y');
    expect(shownValue('JWT_SECRET', 'abc')).toBe('***');
    expect(shownValue('TARGET_RPS', '5')).toBe('5');
  });

  it('lists the facts in reading order', () => {
    expect(runFacts(record).map(([label]) => label)).toEqual([
      'Verdict',
      'Command',
      'Run id',
      'Target',
      'Engine',
      'Commit',
      'Started',
      'Duration',
      'Exit code',
      'Host',
      'Load average at start',
    ]);
  });

  it('aligns numeric Markdown columns right', () => {
    expect(markdownTable(['a', 'n'], [['x', '1']], [false, true])).toBe(
      '| a | n |\n|---|---:|\n| x | 1 |',
    );
  });
});
