// The facts and tables of a run record (run.json), once: the HTML report's header and the
// Markdown summary (`formatRunMarkdown`) both render these, so they never disagree.
import type { RunRecord, RunVerdict } from '@rota-perf/core';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  isPrintable,
  isSubmetricOnlyThreshold,
  SUBMETRIC_ONLY_THRESHOLDS,
} from '@rota-perf/core';

/** A table of the run summary: plain text cells; `numeric` marks right-aligned columns. */
export interface SummaryTable {
  title: string;
  header: string[];
  numeric: boolean[];
  rows: string[][];
  /** A line under the table (what it leaves out and why). */
  note?: string;
}

/** How each verdict reads in the report. */
export const VERDICT_TEXT: Record<RunVerdict, string> = {
  passed: 'Passed',
  'thresholds-crossed': 'Thresholds crossed',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** The status class a code belongs to (`'0'` is no response at all). */
export function statusClass(code: string): string {
  if (code === '0') return 'no response';
  return /^[1-5]\d\d$/.test(code) ? `${code[0]}xx` : 'other';
}

/** A URL without `user:password@` (the producer removes it; a report must never show it). */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

// Defence in depth: the producer masks secrets; anything that still looks like one is masked here.
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|API_?KEY/i;

/** A variable's value as the report may show it. */
export function shownValue(name: string, value: string): string {
  if (SECRET_NAME.test(name) && value !== '') return '***';
  return withoutCredentials(value);
}

const rps = (n: number | null | undefined) => (isPrintable(n) ? `${formatNumber(n)} RPS` : 'n/a');

/** Label/value pairs of the header, in reading order. */
export function runFacts(record: RunRecord): [string, string][] {
  const { host, engine, target, tool } = record;
  const where = target
    ? `${withoutCredentials(target.url)}${target.embedded ? ` (embedded${target.fixture ? `, fixture ${target.fixture}` : ''})` : ''}`
    : 'n/a';
  return [
    ['Verdict', VERDICT_TEXT[record.verdict]],
    ['Command', [record.command, record.script].filter(Boolean).join(' ')],
    ['Run id', record.run_id],
    ['Target', where],
    ['Engine', engine ? `${engine.kind} ${engine.version}` : 'n/a'],
    ['Commit', `${tool.name} ${tool.version} @ ${tool.git_commit ?? 'unknown'}`],
    ['Started', record.started_at],
    ['Duration', formatDuration(record.duration_seconds)],
    ['Exit code', String(record.exit_code)],
    [
      'Host',
      `${host.hostname} (${host.platform}, ${host.cpus} cores, ${formatBytes(host.memory_bytes)}, Node ${host.node})`,
    ],
    ['Load average at start', host.load_average.map((v) => formatNumber(v)).join(' / ')],
  ];
}

// The target is the plateau's rate, so the plateau's achieved rate is what it is held against;
// the whole-run average includes the warm-up and cool-down ramps and always reads lower.
function rateTable(record: RunRecord): SummaryTable {
  const { rate } = record;
  const achieved = rate.plateau_rps ?? rate.achieved_rps;
  const ratio =
    isPrintable(rate.target_rps) && rate.target_rps > 0 && isPrintable(achieved)
      ? formatPercent(achieved / rate.target_rps)
      : 'n/a';
  return {
    title: 'Target vs achieved rate',
    header: ['Target', 'Achieved', 'Achieved / target', 'Whole-run average', 'Dropped iterations'],
    numeric: [true, true, true, true, true],
    rows: [
      [
        rps(rate.target_rps),
        rps(achieved),
        ratio,
        rps(rate.achieved_rps),
        formatCount(record.dropped_iterations),
      ],
    ],
    note:
      rate.plateau_rps === null
        ? undefined
        : 'Achieved: the rate held during the plateau window. The whole-run average includes the ramps.',
  };
}

const result = (passed: boolean) => (passed ? 'PASS' : 'FAIL');

// The never-failing thresholds that only make k6 report a sub-metric judge nothing: they are
// counted under the table, not listed (run.json keeps them all).
function thresholdsTable(record: RunRecord): SummaryTable {
  const judging = record.thresholds.filter(
    (t) => !(t.passed && isSubmetricOnlyThreshold(t.expression)),
  );
  const left = record.thresholds.length - judging.length;
  return {
    title: 'Thresholds',
    header: ['Metric', 'Expression', 'Result'],
    numeric: [false, false, false],
    rows: judging.map((t) => [t.metric, t.expression, result(t.passed)]),
    note:
      left === 0
        ? undefined
        : `${formatCount(left)} more only make k6 report a sub-metric (${Object.values(SUBMETRIC_ONLY_THRESHOLDS).join(', ')}): they cannot fail and are not listed.`,
  };
}

/** A run split over instances (merge, bench --instances): each one's share; none otherwise. */
function instancesTable(record: RunRecord): SummaryTable[] {
  if (record.instances.length === 0) return [];
  return [
    {
      title: 'Instances',
      header: ['Instance', 'Segment', 'Requests', 'Share', 'Iterations', 'Achieved rate'],
      numeric: [false, false, true, true, true, true],
      rows: record.instances.map((i) => [
        i.id,
        i.segment,
        formatCount(i.requests),
        formatPercent(i.share),
        formatCount(i.iterations),
        rps(i.achieved_rps),
      ]),
    },
  ];
}

/** The tables of the summary: rate, instances, thresholds, checks, status codes, settings. */
export function runTables(record: RunRecord): SummaryTable[] {
  const statuses = Object.entries(record.status_codes).sort(([a], [b]) => Number(a) - Number(b));
  const total = statuses.reduce((sum, [, n]) => sum + n, 0);
  return [
    rateTable(record),
    ...instancesTable(record),
    thresholdsTable(record),
    {
      title: 'Checks',
      header: ['Check', 'Passes', 'Fails', 'Pass rate', 'Result'],
      numeric: [false, true, true, true, false],
      rows: record.checks.map((c) => [
        c.name,
        formatCount(c.passes),
        formatCount(c.fails),
        formatPercent(c.passes + c.fails > 0 ? c.passes / (c.passes + c.fails) : null),
        result(c.fails === 0),
      ]),
    },
    {
      title: 'Status codes',
      header: ['Status', 'Class', 'Requests', 'Share'],
      numeric: [false, false, true, true],
      rows: statuses.map(([code, n]) => [
        code,
        statusClass(code),
        formatCount(n),
        formatPercent(total > 0 ? n / total : null),
      ]),
    },
    {
      title: 'Settings',
      header: ['Variable', 'Value'],
      numeric: [false, false],
      rows: Object.keys(record.variables)
        .sort()
        .map((name) => [name, shownValue(name, record.variables[name] ?? '')]),
    },
  ];
}
