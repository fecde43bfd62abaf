// Assembles the self-contained page: sections with tables, canvases, Chart.js and the data.
import { buildChartSpecs, type ChartSpec, chartHeight } from './charts.js';
import type { ReportInputs, TimelineMark } from './inputs.js';
import { escapeHtml, para } from './markup.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page.js';
import {
  dbBenchSection,
  loadSection,
  memorySection,
  sweepSection,
  writeSection,
} from './sections.js';

/** What `renderHtmlReport` needs besides the inputs. */
export interface RenderOptions {
  /** Source of the Chart.js UMD build, inlined into the page. */
  chartJs: string;
  title?: string;
  /** Shown in the header (ISO 8601). */
  generatedAt: string;
  /** Extra markers on the memory timelines (seconds on the CSV's elapsed axis). */
  marks?: readonly TimelineMark[];
}

// JSON inside <script> must not contain "</script" or "<!--": escape every "<".
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function canvas(spec: ChartSpec | undefined): string {
  if (!spec) return '';
  return `<div class="chart" style="height:${chartHeight(spec)}px"><canvas id="${spec.id}" role="img" aria-label="${escapeHtml(spec.title)}"></canvas></div>`;
}

/**
 * Places each sweep level on a memory timeline: level start = test start (`started_at`) +
 * `start_seconds`, mapped onto the CSV's elapsed axis through the first sample's timestamp.
 */
export function computeTimelineMarks(inputs: ReportInputs): Map<string, TimelineMark[]> {
  const byFile = new Map<string, TimelineMark[]>();
  for (const m of inputs.memory) {
    const first = m.samples[0];
    const marks: TimelineMark[] = [];
    const firstMs = first ? Date.parse(first.timestamp) : Number.NaN;
    for (const sweep of [inputs.rps, inputs.progressProbe]) {
      const started = sweep?.started_at ? Date.parse(sweep.started_at) : Number.NaN;
      if (!sweep || !first || Number.isNaN(started) || Number.isNaN(firstMs)) continue;
      for (const l of sweep.scenarios) {
        if (typeof l.start_seconds !== 'number') continue;
        const at = (started + l.start_seconds * 1000 - firstMs) / 1000 + first.elapsedSeconds;
        marks.push({ atSeconds: at, label: l.scenario });
      }
    }
    byFile.set(m.file, marks);
  }
  return byFile;
}

/** The complete HTML document for the inputs. */
export function renderHtmlReport(inputs: ReportInputs, options: RenderOptions): string {
  const marks = computeTimelineMarks(inputs);
  if (options.marks?.length) {
    for (const [file, list] of marks) marks.set(file, [...list, ...(options.marks ?? [])]);
  }
  const specs = buildChartSpecs(inputs, marks);
  const spec = (id: string) => specs.find((s) => s.id === id);
  const sections: string[] = [];
  const add = (title: string, body: string) =>
    sections.push(`<section><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`);
  if (inputs.load) add('Load test', canvas(spec('chart-endpoints')) + loadSection(inputs.load));
  if (inputs.rps) add('RPS sweep', canvas(spec('chart-rps')) + sweepSection(inputs.rps));
  if (inputs.progressProbe) {
    add('Progress probe', canvas(spec('chart-progress')) + sweepSection(inputs.progressProbe));
  }
  if (inputs.write) add('Progress write probe', writeSection(inputs.write));
  inputs.memory.forEach((m, i) => {
    add(`Memory: ${m.file}`, canvas(spec(`chart-memory-${i}`)) + memorySection(m));
  });
  if (inputs.dbBench)
    add('Database benchmark', canvas(spec('chart-db-bench')) + dbBenchSection(inputs.dbBench));
  if (inputs.notes.length) add('Notes', inputs.notes.map((n) => para(n, 'note')).join('\n'));
  const title = options.title ?? 'rota-perf report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>Results from ${escapeHtml(inputs.folder)} · generated ${escapeHtml(options.generatedAt)}</p></header>
<main>
${sections.join('\n')}
</main>
<script type="application/json" id="chart-specs">${scriptJson(specs)}</script>
<script>${options.chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
