import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_START_MS,
  fixtureDbBench,
  fixtureMemory,
  fixtureSweep,
  writeFixtureFolder,
} from '../test-support/report-fixture.js';
import { buildChartSpecs } from './charts.js';
import { hasAnyResults, readReportInputs, resultOf } from './inputs.js';
import { computeTimelineMarks } from './marks.js';
import { escapeHtml } from './markup.js';
import { renderHtmlReport } from './render.js';
import { writeHtmlReport } from './write.js';

let folder: string;
let empty: string;

// Runs `use` on a fresh temp folder and removes the folder afterwards, pass or fail.
async function inTempFolder(prefix: string, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  folder = await writeFixtureFolder();
  empty = await mkdtemp(join(tmpdir(), 'rota-report-empty-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

describe('readReportInputs', () => {
  it('reads every results file of the folder', async () => {
    const inputs = await readReportInputs(folder);
    expect(inputs.results.map((r) => r.spec.file)).toEqual([
      'results.json',
      'rps_results.json',
      'progress_probe_results.json',
      'progress_write_results.json',
      'adaptive_probe_results.json',
      'db_bench_results.json',
      'database_insights.json',
    ]);
    expect(resultOf(inputs, 'load')?.doc.endpoints.map((e) => e.endpoint)).toEqual([
      'trails_detail',
      'me_profile',
      'user_trail_progress',
    ]);
    const sweeps = inputs.results.filter((r) => r.layout === 'sweep');
    expect(sweeps.map((r) => r.doc.scenarios.length)).toEqual([5, 5]);
    expect(resultOf(inputs, 'adaptive')?.doc.runs).toHaveLength(6);
    expect(resultOf(inputs, 'write')?.doc.total_requests).toBe(1000);
    expect(resultOf(inputs, 'db-bench')?.doc.cases).toHaveLength(2);
    expect(inputs.memory[0]?.samples).toHaveLength(fixtureMemory().length);
  });

  it("reads db-bench's own layout ({ cases, aggregate, … }) as well as the bare array", async () => {
    await inTempFolder('rota-report-dbbench-', async (own) => {
      const results = fixtureDbBench();
      const aggregate = {
        executed_iterations: 100,
        total_runtime_seconds: 0.25,
        ops_per_second: 400,
        ops_per_minute: 24_000,
        rows_per_second: 1400,
      };
      // The document layout db-bench's --json writes (packages/db-bench/src/cli/run.ts).
      const document = {
        cases: results,
        skipped: [{ name: 'FormsRepository.get_form', missing: ['form_item_id'] }],
        aggregate,
        // Calibration cases carry no per-iteration samples (nothing compares them).
        calibration: results.slice(0, 1).map(({ samples_ms: _samples, ...rest }) => rest),
        context: { trail_id: 1, section_id: 2, item_id: 3, user_id: 4 },
        environment: {
          started_at: '2026-11-26T12:00:00.000Z',
          finished_at: '2026-11-26T12:01:00.000Z',
          postgres_version: '18.0',
          node_version: process.version,
          database: { kind: 'embedded', url: 'postgres://postgres:***@127.0.0.1:5432/postgres' },
        },
      };
      await writeFile(join(own, 'db_bench_results.json'), JSON.stringify(document));
      const inputs = await readReportInputs(own);
      const db = resultOf(inputs, 'db-bench')?.doc;
      expect(db?.cases.map((c) => c.name)).toEqual(results.map((c) => c.name));
      expect(db?.cases.map((c) => c.ops_per_second)).toEqual(results.map((c) => c.ops_per_second));
      expect(db?.aggregate).toEqual(aggregate);
      expect(hasAnyResults(inputs)).toBe(true);
      const html = renderHtmlReport(inputs, { chartJs: '', generatedAt: 'now' });
      expect(html).toContain(escapeHtml(results[1]?.name ?? '?'));
      // db-bench's own Overall block, as the file holds it.
      expect(html).toContain(
        'Overall: 100 iterations in 0.25s — 400.00 ops/s (24,000.00 ops/min), 1,400.00 rows/s.',
      );

      await writeFile(join(own, 'db_bench_results.json'), JSON.stringify({ aggregate: {} }));
      await expect(readReportInputs(own)).rejects.toThrow(
        `${join(own, 'db_bench_results.json')}: not a db-bench results file`,
      );
      await writeFile(join(own, 'db_bench_results.json'), JSON.stringify({ cases: [{}] }));
      await expect(readReportInputs(own)).rejects.toThrow(/not a db-bench results file/);
    });
  });

  it('names the malformed file in a one-line error', async () => {
    await inTempFolder('rota-report-bad-', async (bad) => {
      await writeFile(join(bad, 'rps_results.json'), '{"scenarios": 3}');
      await expect(readReportInputs(bad)).rejects.toThrow(
        `${join(bad, 'rps_results.json')}: not a sweep results file`,
      );
      await writeFile(join(bad, 'rps_results.json'), '{oops');
      await expect(readReportInputs(bad)).rejects.toThrow(/rps_results\.json: not valid JSON/);
    });
  });

  it('ignores CSV files that are not mem-monitor output, with a note', async () => {
    await inTempFolder('rota-report-csv-', async (other) => {
      await writeFile(join(other, 'other.csv'), 'a,b\n1,2\n');
      const inputs = await readReportInputs(other);
      expect(inputs.memory).toEqual([]);
      expect(inputs.notes).toEqual(['other.csv: not a mem-monitor CSV, ignored']);
    });
  });
});

describe('computeTimelineMarks', () => {
  it('places each sweep level on the memory axis by wall-clock time', async () => {
    const inputs = await readReportInputs(folder);
    const marks = computeTimelineMarks(inputs).get('memory.csv') ?? [];
    const sweep = fixtureSweep('rps_probe');
    // Memory samples start at the same instant as the run, so a level's mark = its start.
    const expected = sweep.levels.map((l) => ({ atSeconds: l.startSeconds, label: l.scenario }));
    expect(marks.slice(0, 5)).toEqual(expected);
    expect(marks).toHaveLength(10);
    expect(Date.parse(sweep.startedAt ?? '')).toBe(FIXTURE_START_MS);
  });
});

describe('renderHtmlReport and writeHtmlReport', () => {
  it('writes one self-contained file with tables for every section', async () => {
    const out = await writeHtmlReport({ folder, title: 'Run <1>' });
    expect(out).toBe(join(folder, 'report.html'));
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<title>Run &lt;1&gt;</title>');
    for (const heading of [
      'Load test',
      'RPS sweep',
      'Progress probe',
      'Progress write probe',
      'Adaptive ceiling search',
      'Database benchmark',
      'Memory: memory.csv',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('Chart.js v4.6.1');
    // Self-contained: no external scripts, styles or images.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('<tr class="best">');
    expect(html).toContain('Highest passing target: 40 RPS.');
    // Six charts of the results and memory, plus the adaptive search's path.
    expect(html.match(/<canvas /g)).toHaveLength(7);
  });

  it('escapes data and keeps the embedded JSON from closing its script element', async () => {
    const inputs = await readReportInputs(folder);
    const load = resultOf(inputs, 'load')?.doc;
    if (!load) throw new Error('fixture lost results.json');
    const endpoint = load.endpoints[0];
    if (!endpoint) throw new Error('fixture lost endpoints');
    endpoint.label = '</script><b>x</b>';
    const html = renderHtmlReport(inputs, { chartJs: '/* chart */', generatedAt: 'now' });
    expect(html).not.toContain('</script><b>');
    expect(html).toContain(escapeHtml('</script><b>x</b>'));
    expect(html).toContain('\\u003c/script>\\u003cb>');
  });

  it('renders a folder holding only an original-format db-bench file (8 keys, no percentiles)', async () => {
    await inTempFolder('rota-report-db-', async (only) => {
      const original = [
        {
          name: 'Q.one',
          iterations: 50,
          total_time: 0.1,
          mean_ms: 2,
          ops_per_second: 500,
          ops_per_minute: 30000,
          rows_per_second: 500,
          rows_processed: 50,
        },
      ];
      await writeFile(join(only, 'db_bench_results.json'), JSON.stringify(original));
      const html = await readFile(await writeHtmlReport({ folder: only }), 'utf8');
      expect(html).toContain('<h2>Database benchmark</h2>');
      expect(html).not.toContain('<h2>Load test</h2>');
      expect(html.match(/<canvas /g)).toHaveLength(1);
      // Absent percentiles show as n/a, not 0.
      expect(html).toMatch(/<td class="num missing">n\/a<\/td>/);
      // The original's bare array has no Overall block, and none is made up for it.
      expect(html).not.toContain('Overall:');
    });
  });

  it('shows the adaptive search: levels by target with verdicts, the confirmed ceiling, the runs', async () => {
    const inputs = await readReportInputs(folder);
    const html = renderHtmlReport(inputs, { chartJs: '', generatedAt: 'now' });
    const section = html.slice(html.indexOf('<h2>Adaptive ceiling search</h2>'));
    const body = section.slice(0, section.indexOf('</section>'));
    expect(body).toContain('Confirmed ceiling: 30 RPS.');
    expect(body).toContain('bisection stopped at precision 5 RPS');
    const [byTarget, byRun] = body.split('<h3>Search runs in order</h3>') as [string, string];
    // Levels ordered by target (the search ran 10, 20, 40, 30, 35, 30), each with its verdict.
    const rows = [
      ...byTarget.matchAll(
        /<tr( class="(\w+)")?><td class="num">(\d+)<\/td>.*?<td>(PASS|FAIL)<\/td>/g,
      ),
    ];
    expect(rows.map((m) => [Number(m[3]), m[4]])).toEqual([
      [10, 'PASS'],
      [20, 'PASS'],
      [30, 'PASS'],
      [30, 'PASS'],
      [35, 'FAIL'],
      [40, 'FAIL'],
    ]);
    expect(rows.filter((m) => m[2] === 'best').map((m) => Number(m[3]))).toEqual([30, 30]);
    const phases = [...byRun.matchAll(/<td>(step|bisect|confirm|step-down)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(phases).toEqual(['step', 'step', 'step', 'bisect', 'bisect', 'confirm']);
    // What held the first failing level (35 RPS) back, with its reason; each level's VUs
    // (busy/needed/max) and the generator's figures.
    expect(body).toContain(
      '<p class="note">Limited by: system failing at 35 RPS. Above it the system under test failed',
    );
    expect(body).toContain('35 RPS: system failing: failure rate 5.00% above tolerance 1.00%');
    expect(byTarget).toContain(
      '<th class="num">VUs busy/need/max</th><th class="num">Gen CPU</th>',
    );
    expect(byTarget).toMatch(/<td class="num">\d+\/\d+\/200<\/td><td class="num">\d+%<\/td>/);
    // Its chart shows the levels by target as well.
    const chart = buildChartSpecs(inputs).find((c) => c.id === 'chart-adaptive-probe');
    expect((chart?.config.data as { labels?: string[] } | undefined)?.labels).toEqual([
      '10',
      '20',
      '30',
      '30',
      '35',
      '40',
    ]);
    // And the path the search took: rates in the order tried, each verdict, the ceiling.
    const path = buildChartSpecs(inputs).find((c) => c.id === 'chart-adaptive-probe-path');
    const data = path?.config.data as {
      labels: string[];
      datasets: { label: string; data: number[]; verdicts?: string[] }[];
    };
    expect(data.labels).toEqual([
      '1 step',
      '2 step',
      '3 step',
      '4 bisect',
      '5 bisect',
      '6 confirm',
    ]);
    expect(data.datasets[0]?.data).toEqual([10, 20, 40, 30, 35, 30]);
    expect(data.datasets[0]?.verdicts).toEqual(['PASS', 'PASS', 'FAIL', 'PASS', 'FAIL', 'PASS']);
    expect(data.datasets[1]).toMatchObject({
      label: 'confirmed ceiling (30 RPS)',
      data: [30, 30, 30, 30, 30, 30],
    });
  });

  it('fails with a clear message when the folder has no results or does not exist', async () => {
    await expect(writeHtmlReport({ folder: empty })).rejects.toThrow(
      /no results in .*expected at least one of results\.json/,
    );
    await expect(writeHtmlReport({ folder: join(empty, 'nope') })).rejects.toThrow(
      /does not exist/,
    );
  });
});
