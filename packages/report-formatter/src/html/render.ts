// Assembles the self-contained page: sections with tables, canvases, Chart.js and the data.
import { adaptiveSection } from './adaptive.js';
import { buildChartSpecs, type ChartSpec, chartHeight, chartOf } from './charts.js';
import type { ReportInputs, ReportResult, TimelineMark } from './inputs.js';
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
    for (const result of inputs.results) {
      if (result.layout !== 'sweep') continue;
      const sweep = result.doc;
      const started = sweep.started_at ? Date.parse(sweep.started_at) : Number.NaN;
      if (!first || Number.isNaN(started) || Number.isNaN(firstMs)) continue;
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

function sectionOf(result: ReportResult): string {
  switch (result.layout) {
    case 'load':
      return loadSection(result.doc);
    case 'sweep':
      return sweepSection(result.doc);
    case 'adaptive':
      return adaptiveSection(result.doc);
    case 'write':
      return writeSection(result.doc);
    case 'db-bench':
      return dbBenchSection(result.doc);
  }
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
  for (const result of inputs.results) {
    add(result.spec.title, canvas(chartOf(specs, result)) + sectionOf(result));
  }
  inputs.memory.forEach((m, i) => {
    add(`Memory: ${m.file}`, canvas(spec(`chart-memory-${i}`)) + memorySection(m));
  });
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
