// The "Over time" section: the series' charts with this run's memory on the same clock, the
// phases and levels they mark, and a table of the series' totals (the page without JavaScript).

import { formatCount, formatDuration, formatNumber } from '@rota-perf/core';
import { type ChartSpec, canvasOf } from './chart-spec.js';
import type { ReportInputs, TimelineMark } from './inputs.js';
import { resultOf } from './inputs.js';
import { phasesOnSeriesClock, seriesClockMarks } from './marks.js';
import { escapeHtml, htmlTable, num, para } from './markup.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { type AlignedMemory, timelineCharts } from './timeline-charts.js';

// One timeline per inputs object: the charts and the section both need it, and building it
// merges every histogram of the series.
const timelines = new WeakMap<ReportInputs, Timeline>();

function timelineOf(inputs: ReportInputs): Timeline | null {
  if (!inputs.series) return null;
  let timeline = timelines.get(inputs);
  if (!timeline) {
    timeline = buildTimeline(inputs.series.series, phasesOnSeriesClock(inputs));
    timelines.set(inputs, timeline);
  }
  return timeline;
}

/** The time charts of the folder's series (none without one). */
export function timeCharts(inputs: ReportInputs): ChartSpec[] {
  const timeline = timelineOf(inputs);
  if (!timeline || !inputs.series) return [];
  const clockMs = Date.parse(inputs.series.series.started_at);
  const memory: AlignedMemory[] = inputs.memory.map((input) => ({
    input,
    at: (s) => (Date.parse(s.timestamp) - clockMs) / 1000,
  }));
  return timelineCharts(timeline, seriesClockMarks(inputs), memory);
}

function marksTable(marks: readonly TimelineMark[]): string {
  if (marks.length === 0) return '';
  return htmlTable(
    ['Marker', 'Kind', 'Starts at (s)'],
    marks.map((m) => [m.label, m.kind ?? 'level', num(formatNumber(m.atSeconds, 1))]),
  );
}

const sumOf = (rows: readonly { requests: number; failed: number }[]) =>
  rows.reduce((a, r) => ({ requests: a.requests + r.requests, failed: a.failed + r.failed }), {
    requests: 0,
    failed: 0,
  });

const peak = (values: readonly (number | null)[]) =>
  values.reduce<number | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);

/** The section: totals, charts, markers; a note when the series and results.json disagree. */
export function timeSection(inputs: ReportInputs, specs: readonly ChartSpec[]): string {
  const timeline = timelineOf(inputs);
  if (!timeline || !inputs.series) return '';
  const { series, file } = inputs.series;
  const totals = sumOf(series.requests);
  const parts = [
    para(
      `From ${file} (${series.engine}): seconds since the test started at ${series.started_at}. Memory samples are placed by their timestamps.`,
      'note',
    ),
    htmlTable(
      ['Seconds', 'Requests', 'Failed', 'Peak requests/s', 'Peak p95 (ms)', 'Peak VUs'],
      [
        [
          formatDuration(timeline.seconds),
          num(formatCount(totals.requests)),
          num(formatCount(totals.failed)),
          num(formatNumber(peak(timeline.requestsPerSecond))),
          num(formatNumber(peak(timeline.latency.p95))),
          num(formatCount(peak(timeline.vus))),
        ],
      ],
    ),
  ];
  const load = resultOf(inputs, 'load')?.doc;
  if (load && load.total_requests !== null && load.total_requests !== totals.requests) {
    parts.push(
      para(
        `The series counts ${formatCount(totals.requests)} requests, results.json ${formatCount(load.total_requests)}: they should be equal.`,
        'warn',
      ),
    );
  }
  for (const spec of specs.filter((s) => s.id.startsWith('chart-time-'))) {
    parts.push(`<h3>${escapeHtml(spec.title)}</h3>`, canvasOf(spec));
  }
  parts.push(marksTable(seriesClockMarks(inputs)));
  return parts.join('\n');
}
