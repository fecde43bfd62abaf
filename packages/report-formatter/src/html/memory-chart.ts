// A memory CSV on its own elapsed axis, for folders without a series to align it with.
import type { ChartSpec } from './chart-spec.js';
import { axis, baseOptions, line } from './chart-style.js';
import type { ReportInputs, TimelineMark } from './inputs.js';
import { MAX_TIMELINE_POINTS, thinSamples } from './thin.js';

const MIB = 1024 * 1024;

/** One chart per memory CSV (`chart-memory-<index>`), with the sweep levels marked. */
export function memoryCharts(
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
