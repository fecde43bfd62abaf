// Assembles the self-contained page: the run's header and summary, the time charts, one
// section per results file, memory, notes; the chart data and Chart.js are inlined.
import { adaptiveSection } from './adaptive.js';
import { canvasOf } from './chart-spec.js';
import { buildChartSpecs, chartsOf } from './charts.js';
import { comparisonCharts, comparisonSection } from './comparison-section.js';
import { databaseSection } from './database-section.js';
import type { ReportInputs, ReportResult, TimelineMark } from './inputs.js';
import { computeTimelineMarks } from './marks.js';
import { escapeHtml, para } from './markup.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page.js';
import { foreignSection, runHeader, runSummarySection } from './run-header.js';
import {
  dbBenchSection,
  loadSection,
  memorySection,
  sweepSection,
  writeSection,
} from './sections.js';
import { timeSection } from './time-section.js';

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
    case 'database':
      // Drawn once, as the Database section: it combines several files.
      return '';
  }
}

/** The complete HTML document for the inputs. */
export function renderHtmlReport(inputs: ReportInputs, options: RenderOptions): string {
  const marks = computeTimelineMarks(inputs);
  if (options.marks?.length) {
    for (const [file, list] of marks) marks.set(file, [...list, ...(options.marks ?? [])]);
  }
  const specs = buildChartSpecs(inputs, marks);
  if (inputs.comparison) specs.push(...comparisonCharts(inputs.comparison));
  const sections: string[] = [];
  const add = (title: string, body: string, id = '') =>
    sections.push(
      `<section${id ? ` id="${id}"` : ''}><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`,
    );
  if (inputs.foreign.length > 0) {
    add('From another run', foreignSection(inputs.run, inputs.foreign), 'from-another-run');
  }
  if (inputs.run) add('Run summary', runSummarySection(inputs.run), 'run-summary');
  if (inputs.comparison) {
    add('Comparison with the baseline', comparisonSection(inputs.comparison, specs), 'comparison');
  }
  if (inputs.series) add('Over time', timeSection(inputs, specs), 'over-time');
  for (const result of inputs.results) {
    if (result.layout === 'database') continue;
    add(result.spec.title, chartsOf(specs, result).map(canvasOf).join('') + sectionOf(result));
  }
  const database = databaseSection(inputs);
  if (database !== null) add('Database', database, 'database');
  inputs.memory.forEach((m, i) => {
    add(
      `Memory: ${m.file}`,
      canvasOf(specs.find((s) => s.id === `chart-memory-${i}`)) + memorySection(m),
    );
  });
  if (inputs.notes.length) add('Notes', inputs.notes.map((n) => para(n, 'note')).join('\n'));
  const title = options.title ?? 'rota-perf report';
  const subtitle = `Results from ${inputs.folder} · generated ${options.generatedAt}`;
  const header = inputs.run
    ? runHeader(inputs.run, title, subtitle)
    : `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
${header}
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
