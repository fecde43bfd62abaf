// The adaptive ceiling search (adaptive_probe_results.json): the search as it went, the levels
// ordered by target with their verdicts, and the ceiling it confirmed.
import type { AdaptiveResultsJson } from '@rota-perf/core';
import { formatCount, formatNumber } from '@rota-perf/core';
import { runVerdict } from './adaptive-chart.js';
import { htmlTable, num, para, tiles } from './markup.js';
import { levelTable, verdictParas } from './sweep-levels.js';

const rps = (n: number | null) => (n === null ? 'none' : `${formatNumber(n, 0)} RPS`);

function verdict(doc: AdaptiveResultsJson): string {
  if (doc.ceiling === null) return para('No ceiling: even the lowest level failed.', 'bad');
  if (doc.confirmed) return para(`Confirmed ceiling: ${rps(doc.ceiling)}.`, 'good');
  return para(`Ceiling ${rps(doc.ceiling)}, not confirmed by its re-run.`, 'warn');
}

/** The section: tiles, the verdict, the notes, then levels by target and runs in order. */
export function adaptiveSection(doc: AdaptiveResultsJson): string {
  const levels = [...doc.scenarios].sort((a, b) => a.target_rps - b.target_rps);
  const parts = [
    tiles([
      ['Ceiling', rps(doc.ceiling)],
      ['Confirmed', doc.confirmed === null ? 'n/a' : doc.confirmed ? 'yes' : 'no'],
      ['First failure', rps(doc.first_failure)],
      ['Levels run', formatCount(doc.runs.length)],
    ]),
    verdict(doc),
  ];
  parts.push(...verdictParas(doc));
  if (doc.reached_max) parts.push(para('Every level up to the maximum passed.', 'warn'));
  if (doc.exhausted) parts.push(para('The search stopped at its run limit.', 'warn'));
  for (const note of doc.notes) parts.push(para(note, 'note'));
  parts.push(
    '<h3>Levels by target</h3>',
    levelTable(levels, doc.ceiling, [
      'target',
      'achieved',
      'requests',
      'failRate',
      'p95',
      'dropped',
    ]),
    '<h3>Search runs in order</h3>',
    htmlTable(
      ['#', 'Phase', 'Rate', 'Result'],
      doc.runs.map((r, i) => [
        num(String(i + 1)),
        r.phase,
        num(formatNumber(r.rate, 0)),
        runVerdict(r),
      ]),
    ),
  );
  return parts.join('\n');
}
