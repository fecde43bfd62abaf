import type { CheckNode, GroupNode } from '../runtime/groups.js';
import type { SummaryData, SummaryMetric } from './data.js';
import { formatBytes, formatDuration, formatNumber } from './format.js';

function value(m: SummaryMetric, v: number): string {
  if (m.contains === 'time') return formatDuration(v);
  if (m.contains === 'data') return formatBytes(v);
  return formatNumber(v);
}

/** The cells of one metric line: trend stats, or [main, extra…] for the other types. */
function cells(m: SummaryMetric, stats: readonly string[]): string[] {
  const v = m.values;
  switch (m.type) {
    case 'trend':
      return stats.map((s) => `${s}=${value(m, v[s] ?? 0)}`);
    case 'counter':
      return [
        value(m, v.count ?? 0),
        m.contains === 'data' ? `${formatBytes(v.rate ?? 0)}/s` : `${formatNumber(v.rate ?? 0)}/s`,
      ];
    case 'rate':
      return [`${((v.rate ?? 0) * 100).toFixed(2)}%`, `✓ ${v.passes ?? 0}`, `✗ ${v.fails ?? 0}`];
    case 'gauge':
      return [value(m, v.value ?? 0), `min=${value(m, v.min ?? 0)}`, `max=${value(m, v.max ?? 0)}`];
  }
}

function checkLines(checks: readonly CheckNode[], indent: string): string[] {
  const out: string[] = [];
  for (const c of checks) {
    if (c.fails === 0) out.push(`${indent}✓ ${c.name}`);
    else {
      const pct = Math.floor((c.passes / (c.passes + c.fails)) * 100);
      out.push(`${indent}✗ ${c.name}`, `${indent} ↳  ${pct}% — ✓ ${c.passes} / ✗ ${c.fails}`);
    }
  }
  return out;
}

function groupLines(g: GroupNode, indent: string): string[] {
  const out = checkLines(g.checks, indent);
  for (const child of g.groups) {
    if (child.checks.length === 0 && child.groups.length === 0) continue;
    out.push('', `${indent}█ ${child.name}`, '', ...groupLines(child, `${indent}  `));
  }
  return out;
}

function subName(key: string): string {
  const inner = key.slice(key.indexOf('{') + 1, key.lastIndexOf('}'));
  return `{ ${inner} }`;
}

/** k6's end-of-test summary text (checks, then metrics alphabetically with their sub-metrics). */
export function formatTextSummary(data: SummaryData): string {
  const stats = data.options.summaryTrendStats;
  const names = Object.keys(data.metrics)
    .filter((k) => !k.includes('{'))
    .sort();
  const rows: { label: string; mark: string; m: SummaryMetric; sub: boolean }[] = [];
  for (const name of names) {
    const m = data.metrics[name] as SummaryMetric;
    rows.push({ label: name, mark: markOf(m), m, sub: false });
    for (const key of Object.keys(data.metrics)
      .filter((k) => k.startsWith(`${name}{`))
      .sort((a, b) =>
        a.includes('expected_response')
          ? -1
          : b.includes('expected_response')
            ? 1
            : a.localeCompare(b),
      )) {
      const sm = data.metrics[key] as SummaryMetric;
      rows.push({ label: subName(key), mark: markOf(sm), m: sm, sub: true });
    }
  }
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length + (r.sub ? 2 : 0))) + 3;
  const allCells = rows.map((r) => cells(r.m, stats));
  // Columns align separately for trends and for the other metric types, as in k6.
  const widths = (trend: boolean) => {
    const w: number[] = [];
    allCells.forEach((c, i) => {
      if ((rows[i]?.m.type === 'trend') !== trend) return;
      c.forEach((cell, j) => {
        w[j] = Math.max(w[j] ?? 0, [...cell].length);
      });
    });
    return w;
  };
  const tw = widths(true);
  const ow = widths(false);
  const lines: string[] = [];
  rows.forEach((r, i) => {
    const w = r.m.type === 'trend' ? tw : ow;
    const c = (allCells[i] ?? []).map(
      (cell, j) => cell + ' '.repeat(Math.max(0, (w[j] ?? 0) - [...cell].length)),
    );
    const prefix = r.sub
      ? r.mark
        ? `     ${r.mark} `
        : '       '
      : r.mark
        ? `   ${r.mark} `
        : '     ';
    const label = r.label + '.'.repeat(Math.max(0, labelWidth - r.label.length - (r.sub ? 2 : 0)));
    lines.push(`${prefix}${label}: ${c.join(' ')}`);
  });
  const checks = groupLines(data.root_group, '     ');
  return `${checks.length ? `\n${checks.join('\n')}\n` : ''}\n${lines.join('\n')}\n\n`;
}

function markOf(m: SummaryMetric): string {
  if (!m.thresholds) return '';
  return Object.values(m.thresholds).every((t) => t.ok) ? '✓' : '✗';
}
