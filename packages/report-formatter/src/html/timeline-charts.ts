// The time charts of a run: rate, latency, per-endpoint p95, errors, VUs, and the target's
// memory and CPU, all on one clock (seconds since the series' start) with the same markers.
import type { MemorySample } from '@rota-perf/core';
import type { ChartSpec } from './chart-spec.js';
import { axis, baseOptions, line } from './chart-style.js';
import type { MemoryInput, TimelineMark } from './inputs.js';
import { MAX_TIMELINE_POINTS, thinSamples } from './thin.js';
import type { Timeline } from './timeline.js';
import { MIN_RANKED_SECONDS, type Points, round } from './timeline-latency.js';

/**
 * The p95 lines of this many ranked request names are shown; the others (and the unranked, see
 * rankSlowest) are one legend click away.
 */
export const VISIBLE_ENDPOINTS = 5;

const MIB = 1024 * 1024;

/** The memory of one CSV of this run, and where its samples sit on the series' clock. */
export interface AlignedMemory {
  input: MemoryInput;
  /** Seconds from the series' start to each sample (from the samples' timestamps). */
  at: (s: MemorySample) => number;
}

interface Axis {
  min: number;
  max: number;
  marks: readonly TimelineMark[];
  bucketSeconds: number;
}

const xy = (x: readonly number[], values: Points) => values.map((y, i) => ({ x: x[i], y }));

function timeDataset(
  label: string,
  data: unknown[],
  colour: number,
  extra: Record<string, unknown> = {},
) {
  return { ...line(label, data, colour, { pointRadius: 0 }), borderWidth: 1.5, ...extra };
}

function timeChart(
  id: string,
  title: string,
  datasets: unknown[],
  scales: Record<string, unknown>,
  x: Axis,
): ChartSpec {
  const every = x.bucketSeconds > 1 ? ` (one point per ${x.bucketSeconds} s)` : '';
  return {
    id,
    title,
    config: {
      type: 'line',
      data: { datasets },
      options: baseOptions({
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: x.min,
            max: x.max,
            title: { display: true, text: `Seconds since start${every}` },
          },
          ...scales,
        },
        plugins: { timelineMarks: { items: x.marks } },
      }),
    },
  };
}

function memoryChart(m: AlignedMemory, index: number, x: Axis): ChartSpec {
  const points = thinSamples(m.input.samples, MAX_TIMELINE_POINTS);
  return timeChart(
    `chart-time-memory-${index}`,
    `Target memory (RSS) and CPU: ${m.input.file}`,
    [
      timeDataset(
        'RSS (MiB)',
        points.map((s) => ({ x: round(m.at(s)), y: round(s.rssBytes / MIB) })),
        0,
      ),
      timeDataset(
        'CPU (%)',
        points.map((s) => ({ x: round(m.at(s)), y: s.cpuPercent })),
        1,
        { yAxisID: 'cpu' },
      ),
    ],
    { y: axis('RSS (MiB)', 'left'), cpu: axis('CPU (%)', 'right', false) },
    { ...x, bucketSeconds: 1 },
  );
}

/** The time charts, in page order. */
export function timelineCharts(
  t: Timeline,
  marks: readonly TimelineMark[],
  memory: readonly AlignedMemory[],
): ChartSpec[] {
  const memX = memory.flatMap((m) => {
    const first = m.input.samples[0];
    const last = m.input.samples[m.input.samples.length - 1];
    return first && last ? [m.at(first), m.at(last)] : [];
  });
  const x: Axis = {
    min: Math.floor(Math.min(0, ...memX)),
    max: Math.ceil(Math.max(t.seconds, ...memX)),
    marks,
    bucketSeconds: t.bucketSeconds,
  };
  const at = (values: Points) => xy(t.x, values);
  const rate = [timeDataset('Achieved (requests/s)', at(t.requestsPerSecond), 0)];
  if (t.targetPerSecond) {
    rate.unshift(
      timeDataset('Target (iterations/s)', at(t.targetPerSecond), 4, { borderDash: [6, 4] }),
    );
  }
  rate.push(timeDataset('Iterations/s', at(t.iterationsPerSecond), 3, { hidden: true }));
  const percentiles = (['p50', 'p90', 'p95', 'p99', 'max'] as const).map((p, i) =>
    timeDataset(`${p} (ms)`, at(t.latency[p]), i, { hidden: p === 'max' }),
  );
  const errors = [
    timeDataset('Failed requests/s', at(t.failedPerSecond), 2, { borderDash: [6, 4] }),
    ...t.errors.map((e, i) => timeDataset(`${e.label} /s`, at(e.values), i + 3)),
  ];
  const load = [
    timeDataset('VUs', at(t.vus), 0),
    timeDataset('VUs allocated', at(t.vusMax), 4, { borderDash: [6, 4] }),
    timeDataset('Dropped iterations/s', at(t.droppedPerSecond), 2, { yAxisID: 'dropped' }),
  ];
  if (t.generatorCpu) {
    load.push(
      timeDataset('Generator CPU (%)', at(t.generatorCpu), 3, { yAxisID: 'cpu', hidden: true }),
    );
  }
  const ms = { y: axis('Latency (ms)', 'left') };
  return [
    timeChart(
      'chart-time-rate',
      'Target vs achieved rate',
      rate,
      { y: axis('Per second', 'left') },
      x,
    ),
    timeChart(
      'chart-time-latency',
      'Latency percentiles, all requests (merged histograms)',
      percentiles,
      ms,
      x,
    ),
    timeChart(
      'chart-time-endpoints',
      `p95 per endpoint (the ${VISIBLE_ENDPOINTS} slowest shown, of those measured for ${MIN_RANKED_SECONDS} s or more; click a legend entry for the others)${t.bucketSeconds > 1 ? `; each point is the worst second of its ${t.bucketSeconds}` : ''}`,
      t.endpoints.map((e, i) =>
        timeDataset(e.label, at(e.values), i, { hidden: !e.ranked || i >= VISIBLE_ENDPOINTS }),
      ),
      ms,
      x,
    ),
    timeChart(
      'chart-time-errors',
      'Errors by status class and error code',
      errors,
      { y: axis('Per second', 'left') },
      x,
    ),
    timeChart(
      'chart-time-vus',
      'VUs and dropped iterations',
      load,
      {
        y: axis('VUs', 'left'),
        dropped: axis('Dropped iterations/s', 'right', false),
        cpu: { ...axis('CPU (%)', 'right', false), display: 'auto' },
      },
      x,
    ),
    ...memory.map((m, i) => memoryChart(m, i, x)),
  ];
}
