// The report of a folder holding comparison.json: the comparison section with its table and the
// baseline/candidate overlays, flagged rows first; an unreadable comparison is a note.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPARISON_VERSION } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureComparison } from '../test-support/comparison-fixture.js';
import { writeRunFolder } from '../test-support/run-fixture.js';
import { readReportInputs } from './inputs.js';
import { renderHtmlReport } from './render.js';

let folder: string;
beforeAll(async () => {
  folder = await writeRunFolder();
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

type Dataset = { label: string; data: { x: number; y: number }[] };
type Spec = { id: string; title: string; config: { data: { datasets: Dataset[] } } };

async function render(): Promise<{ html: string; specs: Spec[] }> {
  const html = renderHtmlReport(await readReportInputs(folder), {
    chartJs: '',
    generatedAt: 'now',
  });
  const json = /<script type="application\/json" id="chart-specs">(.*?)<\/script>/s.exec(html)?.[1];
  return { html, specs: JSON.parse(json ?? '[]') as Spec[] };
}

describe('the comparison section', () => {
  it('is absent without comparison.json', async () => {
    const { html } = await render();
    expect(html).not.toContain('id="comparison"');
  });

  it('shows the conclusion, one table row per compared row and the ceilings', async () => {
    await writeFile(join(folder, 'comparison.json'), JSON.stringify(fixtureComparison()));
    const { html } = await render();
    const section = /<section id="comparison">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
    expect(section).toContain('<h2>Comparison with the baseline</h2>');
    expect(section).toContain(
      '3 compared: 1 slower, 0 faster; 1 budget(s) exceeded (exit code 99)',
    );
    expect(section.match(/<tr class="failed">/g)).toHaveLength(1);
    expect(section).toContain('<td>GET /me &lt;&amp;&quot;quoted&quot;&gt;</td>');
    expect(section).toContain('Ceiling (rps_results.json): highest passing target 200 RPS');
  });

  it('overlays the baseline and candidate seconds (p95 and rate) per endpoint, flagged first', async () => {
    await writeFile(join(folder, 'comparison.json'), JSON.stringify(fixtureComparison()));
    const { html, specs } = await render();
    const overlays = specs.filter((s) => s.id.startsWith('chart-compare-'));
    // The db-bench case has no seconds: two charts, the slower endpoint's first.
    expect(overlays.map((s) => s.title)).toEqual([
      'GET /trails/:id: baseline and candidate, per second',
      'GET /me <&"quoted">: baseline and candidate, per second',
    ]);
    const datasets = overlays[0]?.config.data.datasets ?? [];
    expect(datasets.map((d) => d.label)).toEqual([
      'baseline p95 (ms)',
      'candidate p95 (ms)',
      'baseline rate (req/s)',
      'candidate rate (req/s)',
    ]);
    const comparison = fixtureComparison();
    const series = comparison.rows[0]?.series;
    expect(datasets[1]?.data).toEqual(series?.candidate.map((p) => ({ x: p.t, y: p.p95_ms })));
    expect(datasets[2]?.data).toEqual(series?.baseline.map((p) => ({ x: p.t, y: p.rps })));
    for (const spec of overlays) expect(html).toContain(`<canvas id="${spec.id}"`);
  });

  it('an unreadable comparison.json is a note, not a section', async () => {
    await writeFile(join(folder, 'comparison.json'), JSON.stringify({ version: 9, rows: [] }));
    const { html } = await render();
    expect(html).not.toContain('id="comparison"');
    expect(html).toContain(
      `comparison.json: not a comparison this build reads (version ${COMPARISON_VERSION}); not shown`,
    );
  });
});
