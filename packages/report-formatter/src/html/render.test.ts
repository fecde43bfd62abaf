import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateDbBench, buildDbBenchJson } from '../db-bench.js';
import {
  FIXTURE_START_MS,
  fixtureDbBench,
  fixtureMemory,
  fixtureSweep,
  writeFixtureFolder,
} from '../test-support/report-fixture.js';
import { hasAnyResults, readReportInputs } from './inputs.js';
import { escapeHtml } from './markup.js';
import { computeTimelineMarks, renderHtmlReport } from './render.js';
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
    expect(inputs.load?.endpoints.map((e) => e.endpoint)).toEqual([
      'trails_detail',
      'me_profile',
      'user_trail_progress',
    ]);
    expect(inputs.rps?.scenarios).toHaveLength(5);
    expect(inputs.progressProbe?.scenarios).toHaveLength(5);
    expect(inputs.write?.total_requests).toBe(1000);
    expect(inputs.dbBench).toHaveLength(2);
    expect(inputs.memory[0]?.samples).toHaveLength(fixtureMemory().length);
  });

  it("reads db-bench's own layout ({ cases, aggregate, … }) as well as the bare array", async () => {
    await inTempFolder('rota-report-dbbench-', async (own) => {
      const results = fixtureDbBench();
      // The document db-bench's --json writes (packages/db-bench/src/cli/run.ts).
      const document = {
        cases: buildDbBenchJson(results),
        skipped: [{ name: 'FormsRepository.get_form', missing: ['form_item_id'] }],
        aggregate: aggregateDbBench(results),
        calibration: buildDbBenchJson(results.slice(0, 1)),
        context: { trail_id: 1, section_id: 2, item_id: 3, user_id: 4 },
        environment: { node_version: process.version, finished_at: new Date().toISOString() },
      };
      await writeFile(join(own, 'db_bench_results.json'), JSON.stringify(document));
      const inputs = await readReportInputs(own);
      expect(inputs.dbBench?.map((c) => c.name)).toEqual(results.map((c) => c.name));
      expect(inputs.dbBench?.map((c) => c.ops_per_second)).toEqual(
        results.map((c) => c.ops_per_second),
      );
      expect(hasAnyResults(inputs)).toBe(true);
      expect(renderHtmlReport(inputs, { chartJs: '', generatedAt: 'now' })).toContain(
        escapeHtml(results[1]?.name ?? '?'),
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
      'Memory: memory.csv',
      'Database benchmark',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain('Chart.js v4.6.1');
    // Self-contained: no external scripts, styles or images.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('<tr class="best">');
    expect(html).toContain('Highest passing target: 40 RPS.');
    expect(html.match(/<canvas /g)).toHaveLength(5);
  });

  it('escapes data and keeps the embedded JSON from closing its script element', async () => {
    const inputs = await readReportInputs(folder);
    const load = inputs.load;
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
      expect(html).toContain('Overall: 50 iterations in 0.10s');
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
