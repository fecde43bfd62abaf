// Chart.js configurations for the report, as plain JSON (the page script adds no logic but
// the timeline-marker plugin). Missing figures are null, which Chart.js leaves as gaps.
import type { DbBenchJsonCase, LoadEndpointJson, SweepResultsJson } from '@rota-perf/core';
import { adaptivePathChart } from './adaptive-chart.js';
import type { ChartSpec } from './chart-spec.js';
import { axis, bars, baseOptions, line, referenceLine } from './chart-style.js';
import type { ReportInputs, ReportResult, TimelineMark } from './inputs.js';
import { memoryCharts } from './memory-chart.js';
import { timeCharts } from './time-section.js';

export type { ChartSpec };

function sweepChart(id: string, title: string, sweep: SweepResultsJson): ChartSpec {
  const levels = sweep.scenarios;
  const pct = (r: number | null) => (r === null ? null : r * 100);
  return {
    id,
    title,
    config: {
      type: 'line',
      data: {
        labels: levels.map((l) => String(l.target_rps)),
        datasets: [
          line(
            'Target RPS',
            levels.map((l) => l.target_rps),
            4,
            { dashed: true },
          ),
          line(
            'Achieved RPS',
            levels.map((l) => l.observed_rps),
            0,
          ),
          line(
            'p95 (ms)',
            levels.map((l) => l.p95_ms ?? null),
            1,
            { yAxisID: 'ms' },
          ),
          line(
            'Error rate (%)',
            levels.map((l) => pct(l.failure_rate)),
            2,
            { yAxisID: 'pct' },
          ),
          referenceLine(
            `Failure tolerance (${sweep.failure_tolerance * 100}%)`,
            sweep.failure_tolerance * 100,
            levels.length,
            'pct',
          ),
          ...(sweep.p95_slo_ms === null || sweep.p95_slo_ms === undefined
            ? []
            : [
                referenceLine(
                  `p95 SLO (${sweep.p95_slo_ms} ms)`,
                  sweep.p95_slo_ms,
                  levels.length,
                  'ms',
                  '#b45309',
                ),
              ]),
        ],
      },
      options: baseOptions({
        scales: {
          x: { title: { display: true, text: 'Target RPS (level)' } },
          y: axis('Requests per second', 'left'),
          ms: axis('p95 latency (ms)', 'right', false),
          pct: axis('Error rate (%)', 'right', false),
        },
      }),
    },
  };
}

// Slowest first; endpoints without a p95 last. One slow endpoint (login hashes a password)
// would flatten every other bar on a linear axis: the axis is logarithmic.
function endpointChart(unsorted: readonly LoadEndpointJson[]): ChartSpec {
  const p95 = (e: LoadEndpointJson) => e.p95_ms ?? Number.NEGATIVE_INFINITY;
  const endpoints = [...unsorted].sort((a, b) => p95(b) - p95(a));
  return {
    id: 'chart-endpoints',
    title: 'Per-endpoint latency percentiles (sorted by p95, log scale)',
    config: {
      type: 'bar',
      data: {
        labels: endpoints.map((e) => e.label),
        datasets: [
          bars(
            'p50 (ms)',
            endpoints.map((e) => e.p50_ms),
            0,
          ),
          bars(
            'p95 (ms)',
            endpoints.map((e) => e.p95_ms),
            1,
          ),
          bars(
            'p99 (ms)',
            endpoints.map((e) => e.p99_ms),
            2,
          ),
        ],
      },
      options: baseOptions({
        indexAxis: 'y',
        scales: { x: { type: 'logarithmic', title: { display: true, text: 'ms (log scale)' } } },
      }),
    },
  };
}

function dbBenchChart(cases: readonly Partial<DbBenchJsonCase>[]): ChartSpec {
  return {
    id: 'chart-db-bench',
    title: 'db-bench: latency per query',
    config: {
      type: 'bar',
      data: {
        labels: cases.map((c) => c.name ?? ''),
        datasets: [
          bars(
            'Mean (ms)',
            cases.map((c) => c.mean_ms ?? null),
            3,
          ),
          bars(
            'p95 (ms)',
            cases.map((c) => c.p95_ms ?? null),
            1,
          ),
          bars(
            'p99 (ms)',
            cases.map((c) => c.p99_ms ?? null),
            2,
          ),
        ],
      },
      options: baseOptions({
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, title: { display: true, text: 'ms' } } },
      }),
    },
  };
}

// The chart id of a results file: rps_results.json → chart-rps.
function chartId(result: ReportResult): string {
  return `chart-${result.spec.file.replace(/(_results)?\.json$/, '').replace(/_/g, '-')}`;
}

function resultCharts(result: ReportResult): ChartSpec[] {
  switch (result.layout) {
    case 'load':
      return result.doc.endpoints.length > 0 ? [endpointChart(result.doc.endpoints)] : [];
    case 'sweep':
    case 'adaptive': {
      if (result.doc.scenarios.length === 0) return [];
      // The adaptive search runs levels out of order (bisection, confirmation): show them by target.
      const ordered = [...result.doc.scenarios].sort((a, b) => a.target_rps - b.target_rps);
      const title = `${result.spec.title}: target vs achieved, p95, errors`;
      const byTarget = sweepChart(chartId(result), title, { ...result.doc, scenarios: ordered });
      if (result.layout === 'sweep' || result.doc.runs.length === 0) return [byTarget];
      return [byTarget, adaptivePathChart(`${chartId(result)}-path`, result.doc)];
    }
    case 'db-bench':
      return result.doc.cases.length > 0 ? [dbBenchChart(result.doc.cases)] : [];
    default:
      return [];
  }
}

/**
 * The charts for whichever inputs exist, in page order: the time charts of the series (with
 * this run's memory on the same clock), the results files, then memory CSVs on their own
 * elapsed axis when there is no series to align them with.
 */
export function buildChartSpecs(
  inputs: ReportInputs,
  marksByMemoryFile: ReadonlyMap<string, TimelineMark[]> = new Map(),
): ChartSpec[] {
  const results = inputs.results.flatMap(resultCharts);
  if (inputs.series) return [...timeCharts(inputs), ...results];
  return [...results, ...memoryCharts(inputs, marksByMemoryFile)];
}

/** The charts of one results file (none, one, or the adaptive search's two). */
export function chartsOf(specs: readonly ChartSpec[], result: ReportResult): ChartSpec[] {
  const id = result.layout === 'load' ? 'chart-endpoints' : chartId(result);
  return specs.filter((s) => s.id === id || s.id === `${id}-path`);
}
