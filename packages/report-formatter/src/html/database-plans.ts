// The plan and wait parts of the Database section: the wait events sampled during a run, and
// the flagged plans of a db-bench --explain file (findings, waits and the plan tree).
import {
  type CaseExplainJson,
  type DbBenchJsonCase,
  formatCount,
  formatNumber,
  formatPercent,
  type PlanNodeJson,
  type WaitSummaryJson,
} from '@rota-perf/core';
import { escapeHtml, htmlTable, num, para } from './markup.js';

const eventList = (events: readonly { event: string; samples: number }[], total: number) =>
  events
    .slice(0, 3)
    .map((e) => `${e.event} ${formatPercent(total > 0 ? e.samples / total : null)}`)
    .join(', ');

/** Wait events: overall, then per statement (most sampled first). */
export function waitsPart(summary: WaitSummaryJson, title = 'Waits'): string {
  if (summary.backend_samples === 0) {
    return para(
      `${title}: ${formatCount(summary.rounds)} samples every ${formatNumber(summary.interval_ms, 0)} ms found no active statement.`,
      'note',
    );
  }
  const bound = summary.truncated ? ' (sampling stopped at its bound before the run ended)' : '';
  return [
    `<h3>${escapeHtml(title)}</h3>`,
    para(
      `${formatCount(summary.rounds)} samples of pg_stat_activity every ${formatNumber(summary.interval_ms, 0)} ms saw ${formatCount(summary.backend_samples)} active statements${bound}. CPU means running, not waiting. Overall: ${eventList(summary.events, summary.backend_samples)}.`,
      'note',
    ),
    htmlTable(
      ['Statement', 'Route', 'Samples', 'Waiting', 'Events'],
      summary.statements
        .slice(0, 15)
        .map((s) => [
          s.query.length > 140 ? `${s.query.slice(0, 139)}…` : s.query,
          s.route ?? '—',
          num(formatCount(s.samples)),
          num(formatPercent(s.samples > 0 ? s.waiting / s.samples : null)),
          eventList(s.events, s.samples),
        ]),
    ),
  ].join('\n');
}

// One line per node, indented by depth: what the planner expected against what happened.
function planLines(node: PlanNodeJson, depth = 0): string[] {
  const on = node.relation ? ` on ${node.relation}` : '';
  const using = node.index ? ` using ${node.index}` : '';
  const loops = node.loops !== null && node.loops !== 1 ? ` ×${formatCount(node.loops)}` : '';
  const actual =
    node.actual_rows === null ? 'not run' : `actual ${formatNumber(node.actual_rows, 0)}${loops}`;
  const time = node.actual_total_ms === null ? '' : `, ${formatNumber(node.actual_total_ms, 3)} ms`;
  const buffers =
    node.shared_hit_blocks === null
      ? ''
      : `, hit ${formatCount(node.shared_hit_blocks)} read ${formatCount(node.shared_read_blocks ?? 0)}`;
  const line = `${'  '.repeat(depth)}${node.node_type}${on}${using} (est ${formatNumber(node.estimated_rows, 0)}, ${actual}${time}${buffers})`;
  const condition = node.condition ? [`${'  '.repeat(depth + 1)}${node.condition}`] : [];
  return [line, ...condition, ...node.children.flatMap((c) => planLines(c, depth + 1))];
}

function caseBlock(name: string, explain: CaseExplainJson): string {
  const parts = [`<h3>${escapeHtml(name)}</h3>`];
  const timing = explain.statements.map(
    (s, i) =>
      `#${i + 1} planning ${formatNumber(s.planning_ms, 3)} ms, execution ${formatNumber(s.execution_ms, 3)} ms`,
  );
  parts.push(
    para(
      `${explain.statements.length} statements (${explain.plan_mode} plans, fingerprint ${explain.fingerprint}): ${timing.join('; ')}.`,
      'note',
    ),
  );
  if (explain.error) parts.push(para(`Not explained: ${explain.error}`, 'warn'));
  if (explain.findings.length > 0) {
    parts.push(
      htmlTable(
        ['Statement', 'Node', 'Finding'],
        explain.findings.map((f) => [`#${f.statement + 1}`, f.node, f.detail]),
      ),
    );
  }
  if (explain.waits && explain.waits.backend_samples > 0) {
    parts.push(waitsPart(explain.waits, `Waits while ${name} was timed`));
  }
  for (const [i, s] of explain.statements.entries()) {
    const tree = planLines(s.plan).join('\n');
    parts.push(
      `<details><summary>Plan of statement #${i + 1}</summary><pre>${escapeHtml(`${s.sql}\n\n${tree}`)}</pre></details>`,
    );
  }
  return parts.join('\n');
}

/** The flagged cases of a db-bench --explain file: findings, or waits on most samples. */
export function flaggedPlansPart(cases: readonly Partial<DbBenchJsonCase>[]): string | null {
  const explained = cases.filter((c) => c.explain !== undefined);
  if (explained.length === 0) return null;
  const flagged = explained.filter((c) => {
    const e = c.explain as CaseExplainJson;
    const waiting = e.waits ? e.waits.statements.reduce((n, s) => n + s.waiting, 0) : 0;
    return (
      e.findings.length > 0 || e.error !== null || waiting * 2 > (e.waits?.backend_samples ?? 0)
    );
  });
  const intro = para(
    `db-bench --explain: ${explained.length} cases explained, ${flagged.length} flagged (a finding, or waiting in most samples while timed).`,
    'note',
  );
  return [
    '<h3>Flagged plans (db-bench --explain)</h3>',
    intro,
    ...flagged.map((c) => caseBlock(c.name ?? '', c.explain as CaseExplainJson)),
  ].join('\n');
}
