// Public surface of @rota-perf/report-formatter's root entry: console text from the core's
// types. k6-safe (the k6 scripts print their summaries with it); the HTML report is `./html`.
export { createPainter } from './color.js';
export { CHANGE_VERDICT_TEXT } from './comparison/cells.js';
export { formatComparisonJunit } from './comparison/junit.js';
export { formatComparisonMarkdown, formatComparisonText } from './comparison/text.js';
export { type FormatOptions, formatLoadSummary } from './load-format.js';
export { formatRunMarkdown, markdownTable, type RunMarkdownOptions } from './run-markdown.js';
export { runFacts, runTables, type SummaryTable, VERDICT_TEXT } from './run-summary.js';
export { formatSweepSummary } from './sweep.js';
export { formatWriteSummary, type WriteFormatOptions } from './write-probe.js';
