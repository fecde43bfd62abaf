// Chart.js configurations for the report, as plain JSON (the page script adds no logic but
// the timeline-marker plugin). Missing figures are null, which Chart.js leaves as gaps.
import type { DbBenchJsonCase, LoadEndpointJson, SweepResultsJson } from '@rota-perf/core';
import { axis, bars, baseOptions, line } from './chart-style.js';
import type { ReportInputs, ReportResult, TimelineMark } from './inputs.js';
import { MAX_TIMELINE_POINTS, thinSamples } from './thin.js';

/** One chart of the page: the canvas id, a heading and the Chart.js configuration. */
export interface ChartSpec {
  id: string;
  title: string;
  config: Record<string, unknown>;
}

const MIB = 1024 * 1024;

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

function memoryCharts(
  inputs: ReportInputs,
  marksByFile: ReadonlyMap<string, TimelineMark[]>,
): ChartSpec[] {
  return (
    inputs.memory
      // Index before filtering: the page pairs chart-memory-<i> with inputs.memory[i].
      .map((m, i) => ({ m, i, points: thinSamples(m.samples, MAX_TIMELINE_POINTS) }))
      .filter(({ m }) => m.samples.length > 0)
      .map(({ m, i, points }) => ({
        id: `chart-memory-${i}`,
        title: `Memory timeline (${m.file})`,
        config: {
          type: 'line',
          data: {
            datasets: [
              line(
                'RSS (MiB)',
                points.map((s) => ({ x: s.elapsedSeconds, y: s.rssBytes / MIB })),
                0,
                { pointRadius: 0 },
              ),
              line(
                'CPU (%)',
                points.map((s) => ({ x: s.elapsedSeconds, y: s.cpuPercent })),
                1,
                { yAxisID: 'cpu', pointRadius: 0 },
              ),
            ],
          },
          options: baseOptions({
            parsing: true,
            scales: {
              x: { type: 'linear', title: { display: true, text: 'Elapsed (s)' } },
              y: axis('RSS (MiB)', 'left'),
              cpu: axis('CPU (%)', 'right', false),
            },
            plugins: { timelineMarks: { items: marksByFile.get(m.file) ?? [] } },
          }),
        },
      }))
  );
}

function endpointChart(endpoints: readonly LoadEndpointJson[]): ChartSpec {
  return {
    id: 'chart-endpoints',
    title: 'Per-endpoint latency percentiles',
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
        scales: { x: { beginAtZero: true, title: { display: true, text: 'ms' } } },
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

function resultChart(result: ReportResult): ChartSpec | null {
  switch (result.layout) {
    case 'load':
      return result.doc.endpoints.length > 0 ? endpointChart(result.doc.endpoints) : null;
    case 'sweep':
    case 'adaptive': {
      if (result.doc.scenarios.length === 0) return null;
      // The adaptive search runs levels out of order (bisection, confirmation): show them by target.
      const ordered = [...result.doc.scenarios].sort((a, b) => a.target_rps - b.target_rps);
      const title = `${result.spec.title}: target vs achieved, p95, errors`;
      return sweepChart(chartId(result), title, { ...result.doc, scenarios: ordered });
    }
    case 'db-bench':
      return result.doc.cases.length > 0 ? dbBenchChart(result.doc.cases) : null;
    default:
      return null;
  }
}

/** The charts for whichever inputs exist, in page order: results files, then memory. */
export function buildChartSpecs(
  inputs: ReportInputs,
  marksByMemoryFile: ReadonlyMap<string, TimelineMark[]> = new Map(),
): ChartSpec[] {
  const specs = inputs.results.map(resultChart).filter((s): s is ChartSpec => s !== null);
  return [...specs, ...memoryCharts(inputs, marksByMemoryFile)];
}

/** The chart of one results file, if it has one. */
export function chartOf(specs: readonly ChartSpec[], result: ReportResult): ChartSpec | undefined {
  const id = result.layout === 'load' ? 'chart-endpoints' : chartId(result);
  return specs.find((s) => s.id === id);
}

/** Chart height in px (horizontal bars grow with their row count). */
export function chartHeight(spec: ChartSpec): number {
  const data = spec.config.data as { labels?: unknown[] };
  const rows = data.labels?.length ?? 0;
  const horizontal = (spec.config.options as { indexAxis?: string }).indexAxis === 'y';
  return horizontal ? Math.max(220, 60 + rows * 34) : 340;
}
