// The adaptive search's path: each run in the order the search made it, its rate and verdict,
// against the ceiling it settled on.
import type { AdaptiveResultsJson } from '@rota-perf/core';
import type { ChartSpec } from './chart-spec.js';
import { axis, baseOptions, referenceLine } from './chart-style.js';

const PASS = '#059669';
const FAIL = '#dc2626';
const INTERRUPTED = '#9ca3af';

/** PASS, FAIL, or INTERRUPTED for a run the interrupt cut short. */
export function runVerdict(run: { passed: boolean | null }): string {
  return run.passed === null ? 'INTERRUPTED' : run.passed ? 'PASS' : 'FAIL';
}

/** The search path chart (`runs` in order; green passed, red failed). */
export function adaptivePathChart(id: string, doc: AdaptiveResultsJson): ChartSpec {
  const runs = doc.runs;
  // An interrupted run (passed null) neither passed nor failed: grey, marked as such.
  const colour = runs.map((r) => (r.passed === null ? INTERRUPTED : r.passed ? PASS : FAIL));
  const datasets: unknown[] = [
    {
      label: 'Rate tried (green passed, red failed, grey interrupted)',
      data: runs.map((r) => r.rate),
      yAxisID: 'y',
      borderColor: '#6b7280',
      backgroundColor: colour,
      pointBackgroundColor: colour,
      pointBorderColor: colour,
      pointStyle: runs.map((r) => (r.passed === false ? 'crossRot' : 'circle')),
      pointRadius: 7,
      pointBorderWidth: 3,
      verdicts: runs.map(runVerdict),
    },
  ];
  if (doc.ceiling !== null) {
    const confirmed = doc.confirmed ? 'confirmed ceiling' : 'ceiling, not confirmed';
    datasets.push(
      referenceLine(`${confirmed} (${doc.ceiling} RPS)`, doc.ceiling, runs.length, 'y'),
    );
  }
  return {
    id,
    title: 'Adaptive search path: rates in the order they were tried',
    config: {
      type: 'line',
      data: { labels: runs.map((r, i) => `${i + 1} ${r.phase}`), datasets },
      options: baseOptions({
        scales: {
          x: { title: { display: true, text: 'Run (order, phase)' } },
          y: axis('Target RPS', 'left'),
        },
      }),
    },
  };
}
