// The report's comparison section, when the folder holds comparison.json (`rota-perf compare`
// or `--baseline`): the conclusion, the table every comparison format shares, the ceilings, and
// per endpoint or level the baseline's and the candidate's seconds overlaid (rate and p95).
import type { ComparisonJson, ComparisonPoint, ComparisonRow } from '@rota-perf/core';
import { comparisonCells, conclusionText, ruleText } from '../comparison/cells.js';
import { type ChartSpec, canvasOf } from './chart-spec.js';
import { axis, baseOptions, line } from './chart-style.js';
import { escapeHtml, htmlTable, num, para } from './markup.js';

/** Charts drawn at most (flagged rows first): one per row would be dozens on a full run. */
export const MAX_COMPARISON_CHARTS = 12;

function overlayChart(row: ComparisonRow, index: number): ChartSpec | null {
  if (!row.series) return null;
  const xy = (points: readonly ComparisonPoint[], key: 'rps' | 'p95_ms') =>
    points.map((p) => ({ x: p.t, y: p[key] }));
  const { baseline, candidate } = row.series;
  return {
    id: `chart-compare-${index}`,
    title: `${row.name}: baseline and candidate, per second`,
    config: {
      type: 'line',
      data: {
        datasets: [
          line('baseline p95 (ms)', xy(baseline, 'p95_ms'), 0, { pointRadius: 0, dashed: true }),
          line('candidate p95 (ms)', xy(candidate, 'p95_ms'), 0, { pointRadius: 0 }),
          line('baseline rate (req/s)', xy(baseline, 'rps'), 1, {
            pointRadius: 0,
            dashed: true,
            yAxisID: 'rate',
          }),
          line('candidate rate (req/s)', xy(candidate, 'rps'), 1, {
            pointRadius: 0,
            yAxisID: 'rate',
          }),
        ],
      },
      options: baseOptions({
        parsing: false,
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'Seconds from the start of the window' },
          },
          y: axis('p95 (ms)', 'left'),
          rate: axis('requests per second', 'right', false),
        },
      }),
    },
  };
}

/** Rows charted: flagged ones first (slower, faster, budget exceeded), then the others. */
function chartedRows(comparison: ComparisonJson): ComparisonRow[] {
  const flagged = (r: ComparisonRow) =>
    r.verdict === 'slower' || r.verdict === 'faster' || r.budgets.some((b) => b.exceeded);
  const withSeries = comparison.rows.filter((r) => r.series);
  return [...withSeries.filter(flagged), ...withSeries.filter((r) => !flagged(r))].slice(
    0,
    MAX_COMPARISON_CHARTS,
  );
}

/** The charts of the section (embedded with the page's other chart specs). */
export function comparisonCharts(comparison: ComparisonJson): ChartSpec[] {
  return chartedRows(comparison).flatMap((row, i) => overlayChart(row, i) ?? []);
}

/** The section's HTML (its canvases draw the specs of `comparisonCharts`). */
export function comparisonSection(comparison: ComparisonJson, specs: readonly ChartSpec[]): string {
  const { header, rows } = comparisonCells(comparison);
  const exceeded = comparison.exceeded > 0;
  const parts = [
    para(conclusionText(comparison), exceeded ? 'warn' : ''),
    para(
      `Baseline ${comparison.baseline.folder} (run ${comparison.baseline.run_id ?? 'n/a'}); candidate ${comparison.candidate.folder} (run ${comparison.candidate.run_id ?? 'n/a'}).`,
    ),
    htmlTable(
      header,
      rows.map((r) => r.map((cell, i) => (i >= 2 && i <= 6 ? num(cell) : cell))),
      (i) => (comparison.rows[i]?.budgets.some((b) => b.exceeded) ? 'failed' : ''),
    ),
    para(ruleText(comparison), 'note'),
    ...comparison.ceilings.map((c) => para(`Ceiling (${c.file}): ${c.note}`)),
    ...comparison.notes.map((n) => para(n, 'note')),
  ];
  const charted = chartedRows(comparison);
  if (charted.length > 0) {
    parts.push(
      `<h3>${escapeHtml('Baseline (dashed) and candidate (solid), per second')}</h3>`,
      ...specs.filter((s) => s.id.startsWith('chart-compare-')).map(canvasOf),
    );
  }
  return parts.join('\n');
}
