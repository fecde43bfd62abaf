// The console lines of --explain: per case what its statements cost and what stands out in
// their plans (first line), and what it waited on while timed (second line, when it waited).
import {
  type CaseExplainJson,
  formatNumber,
  formatPercent,
  type WaitSummaryJson,
} from '@rota-perf/core';

const sum = (values: readonly (number | null)[]) =>
  values.reduce<number>((total, v) => total + (v ?? 0), 0);

function planLine(name: string, explain: CaseExplainJson): string {
  if (explain.error !== null) return `  ${name}: not explained (${explain.error})`;
  const planning = sum(explain.statements.map((s) => s.planning_ms));
  const execution = sum(explain.statements.map((s) => s.execution_ms));
  const count = explain.statements.length;
  const cost = `${count} ${count === 1 ? 'statement' : 'statements'}, planning ${formatNumber(planning, 3)} ms + execution ${formatNumber(execution, 3)} ms`;
  const [first, second, ...rest] = explain.findings;
  const findings = [first, second]
    .filter((f) => f !== undefined)
    .map((f) => `${f.node}: ${f.detail}`);
  const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
  const found = findings.length === 0 ? 'no plan finding' : findings.join('; ') + more;
  return `  ${name}: ${cost}; ${found}`;
}

function waitLine(waits: WaitSummaryJson | null): string | null {
  if (waits === null || waits.backend_samples === 0) return null;
  const waiting = waits.statements.reduce((n, s) => n + s.waiting, 0);
  if (waiting === 0) return null;
  const events = waits.events
    .slice(0, 3)
    .map((e) => `${e.event} ${formatPercent(e.samples / waits.backend_samples)}`)
    .join(', ');
  const top = [...waits.statements].sort((a, b) => b.waiting - a.waiting)[0];
  const where = top ? `; most waits in: ${top.query.slice(0, 80)}` : '';
  return `    waits: ${events} of ${waits.backend_samples} samples${where}`;
}

/** The --explain block printed under the table (empty when nothing was explained). */
export function formatExplainLines(
  explained: ReadonlyMap<string, CaseExplainJson>,
  intervalMs: number,
): string {
  if (explained.size === 0) return '';
  const [any] = explained.values();
  const lines = [
    `Explain (EXPLAIN ANALYZE of each case's statements, ${any?.plan_mode} plans, rolled back; waits sampled every ${intervalMs} ms while timed):`,
  ];
  for (const [name, explain] of explained) {
    lines.push(planLine(name, explain));
    const waits = waitLine(explain.waits);
    if (waits !== null) lines.push(waits);
  }
  return lines.join('\n');
}
