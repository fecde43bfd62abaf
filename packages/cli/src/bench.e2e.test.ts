// End to end: the built rota-perf runs the real bundle through node-runner against the real
// reference API (embedded PostgreSQL), with short durations.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MEMORY_CSV_COLUMNS, parseMemoryCsv } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { SHORT_PHASES } from '../../../tools/scripts/short-runs.mjs';
import {
  descendantsOf,
  type ProcessEntry,
  stillRunning,
  survivorsAfter,
} from './test-support/processes.js';
import {
  FAKE_K6,
  layoutOf,
  readRunRecord,
  readSeries,
  seriesMetricTotals,
} from './test-support/records.js';
import { useRotaApi } from './test-support/rota-api.js';
import { runCli, startCli, waitForOutput } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';

// The postgres server and its workers (`postgres: checkpointer` …), not scripts naming a path.
const POSTGRES = /^(\S*\/)?postgres(:|\s|$)/;

// 0 = thresholds held, 99 = a latency threshold was crossed (other engineers load this
// machine); anything else is a failure of the run itself.
const RUN_CODES = [0, 99];

interface ResultsJson {
  total_requests: number;
  failed_requests: number;
  endpoints: { endpoint: string; requests: number | null }[];
}

const scratch = useScratchDir('rota-perf-cli-');

/**
 * The series' totals equal the summary's exactly. node-runner writes its series once its
 * live feed lands (issue 17); until then the record says there is none, and why.
 */
async function expectSeriesMatchesResults(out: string, results: ResultsJson): Promise<void> {
  const record = await readRunRecord(out);
  if (record.files.series === null) {
    expect(record.notes).toContain(
      'no per-second series: status codes and dropped iterations from the summary only',
    );
    return;
  }
  const series = await readSeries(out, record);
  expect(seriesMetricTotals(series).http_reqs).toBe(results.total_requests);
  expect(seriesMetricTotals(series).http_req_failed).toBe(results.failed_requests);
}

async function readResults(out: string): Promise<ResultsJson> {
  return JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultsJson;
}

describe('rota-perf bench', () => {
  it('on the embedded default writes results JSON, memory CSV and HTML report, and says where', async () => {
    const out = join(scratch.dir, 'embedded');
    const run = await runCli([
      'bench',
      'performance',
      '--out',
      out,
      '-q',
      '-e',
      'TEST_DURATION=3s',
      ...SHORT_PHASES,
    ]);
    expect(RUN_CODES, run.stderr).toContain(run.code);
    const results = await readResults(out);
    expect(results.total_requests).toBeGreaterThan(0);
    expect(results.failed_requests).toBe(0);
    for (const endpoint of results.endpoints)
      expect(endpoint.requests, endpoint.endpoint).toBeGreaterThan(0);

    const csv = await readFile(join(out, 'performance_memory.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(MEMORY_CSV_COLUMNS.join(','));
    const samples = parseMemoryCsv(csv);
    expect(samples.length).toBeGreaterThan(2);
    const pid = Number(/reference Rota API at \S+ \(pid (\d+)\)/.exec(run.stdout)?.[1]);
    for (const s of samples) expect(s.pid).toBe(pid);

    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('performance_memory.csv');
    for (const name of ['results.json', 'performance_memory.csv', 'run.json', 'report.html']) {
      expect(run.stdout).toContain(join(out, name));
    }
    // run.json: valid, this run's, naming what it wrote.
    const record = await readRunRecord(out);
    expect(record).toMatchObject({
      command: 'bench',
      script: 'performance',
      engine: { kind: 'node-runner' },
      target: { embedded: true, fixture: 'small' },
      verdict: run.code === 0 ? 'passed' : 'thresholds-crossed',
      exit_code: run.code,
      interrupted: false,
    });
    expect(record.files).toMatchObject({
      results: 'results.json',
      memory_csv: 'performance_memory.csv',
      report: 'report.html',
    });
    expect((results as ResultsJson & { run_id: string }).run_id).toBe(record.run_id);
    expect(record.rate.target_rps).toBeGreaterThan(0);
    expect(record.phases.map((p) => p.name)).toEqual([
      'warm-up',
      'plateau',
      'cool-down',
      'ramp-down',
    ]);
    await expectSeriesMatchesResults(out, results);
  });

  describe('against a separately started rota-api', () => {
    const api = useRotaApi();

    it('--base-url runs against it, monitors nothing unless asked, then --monitor-pid', async () => {
      const out = join(scratch.dir, 'remote');
      const run = await runCli([
        'bench',
        '--base-url',
        api.url,
        '--out',
        out,
        '-q',
        '-e',
        'TEST_DURATION=2s',
        ...SHORT_PHASES,
      ]);
      expect(RUN_CODES, run.stderr).toContain(run.code);
      expect(run.stdout).toContain(`target: ${api.url}`);
      expect(run.stdout).not.toContain('embedded PostgreSQL');
      expect(run.stdout).toMatch(/memory: not monitored/);
      expect((await readResults(out)).total_requests).toBeGreaterThan(0);
      await expect(stat(join(out, 'performance_memory.csv'))).rejects.toThrow();
      const record = await readRunRecord(out);
      expect(record.target).toEqual({ url: api.url, embedded: false });
      expect(record.files.memory_csv).toBeNull();

      // The real-k6 path (a stand-in k6 replaying the real k6's recording) gives a record of
      // the same layout as this node-runner run.
      const viaK6 = join(scratch.dir, 'remote-k6');
      const k6Run = await runCli(
        [
          'bench',
          '--base-url',
          api.url,
          '--out',
          viaK6,
          '-q',
          '-e',
          'TEST_DURATION=2s',
          ...SHORT_PHASES,
        ],
        { K6_BINARY: FAKE_K6 },
      );
      expect(k6Run.code, k6Run.stderr).toBe(0);
      const k6Record = await readRunRecord(viaK6);
      expect(k6Record.engine?.kind).toBe('k6');
      expect(layoutOf(k6Record)).toEqual(layoutOf(record));
    });

    it('the step sweep (bench rps-probe): run.json with one phase per level', async () => {
      const out = join(scratch.dir, 'sweep');
      const levels = ['MIN_PROBE_RPS=2', 'MAX_PROBE_RPS=4', 'PROBE_STEP_RPS=2'];
      const timing = ['PROBE_WARMUP_DURATION=0', 'PROBE_STEP_DURATION=2s', 'PROBE_STEP_PAUSE=0'];
      const run = await runCli([
        'bench',
        'rps-probe',
        '--base-url',
        api.url,
        '--out',
        out,
        '--progress-interval',
        '1',
        ...[...levels, ...timing].flatMap((v) => ['-e', v]),
      ]);
      expect(RUN_CODES, run.stderr).toContain(run.code);
      const record = await readRunRecord(out);
      expect(record).toMatchObject({
        command: 'bench',
        script: 'rps_probe',
        rate: { target_rps: null },
      });
      expect(record.files.results).toBe('rps_results.json');
      expect(
        record.phases.map((p) => [
          p.name,
          p.target_rps,
          Math.round(p.end_seconds - p.start_seconds),
        ]),
      ).toEqual([
        ['probe_2', 2, 2],
        ['probe_4', 4, 2],
      ]);
      // One line per finished level when the engine streams its seconds.
      const levelLines = run.stderr.split('\n').filter((l) => /^level \d\/2 probe_/.test(l));
      expect(levelLines).toHaveLength(record.files.series === null ? 0 : 2);

      const monitored = join(scratch.dir, 'remote-monitored');
      const again = await runCli(
        [
          'bench',
          '--out',
          monitored,
          '-q',
          '--monitor-pid',
          String(api.pid),
          '-e',
          'TEST_DURATION=2s',
          ...SHORT_PHASES,
        ],
        { BASE_URL: api.url },
      );
      expect(RUN_CODES, again.stderr).toContain(again.code);
      const samples = parseMemoryCsv(
        await readFile(join(monitored, 'performance_memory.csv'), 'utf8'),
      );
      expect(samples.length).toBeGreaterThan(0);
      for (const s of samples) expect(s.pid).toBe(api.pid);
    });
  });

  it('Ctrl-C mid-run: partial results, non-zero exit, no server or postgres left', async () => {
    const out = join(scratch.dir, 'interrupted');
    const run = startCli(['bench', '--out', out, '-e', 'TEST_DURATION=2m', ...SHORT_PHASES]);
    await waitForOutput(run, /memory: sampling/, 150_000);
    // Let load flow for a few seconds, and note every process the run started. Setup (the
    // synthetic user, the login pool) takes several seconds on a loaded machine, and a Ctrl-C
    // during setup stops the run before any request is measured: wait well past it.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const started: ProcessEntry[] = descendantsOf(run.child.pid as number);
    expect(started.some((p) => POSTGRES.test(p.cmdline))).toBe(true);
    const sentAt = Date.now();
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(Date.now() - sentAt).toBeLessThan(90_000); // far less than the 2 minutes asked for
    expect(result.code).not.toBe(0);
    expect(result.code).toBe(105);
    const results = await readResults(out);
    expect(results.total_requests).toBeGreaterThan(0);
    expect(result.stdout).toContain(join(out, 'report.html'));
    const record = await readRunRecord(out);
    expect(record).toMatchObject({ interrupted: true, verdict: 'interrupted', exit_code: 105 });
    await expectSeriesMatchesResults(out, results);
    // Postgres and the API are stopped before the command exits; allow the watchdog's last sleep.
    const postgresAtExit = started.filter((p) => POSTGRES.test(p.cmdline) && stillRunning(p));
    expect(postgresAtExit.map((p) => p.cmdline)).toEqual([]);
    const left = (await survivorsAfter(started, 3000)).map((p) => `${p.pid} ${p.cmdline}`);
    expect(left).toEqual([]);
  });

  it('Ctrl-C in a terminal (SIGINT to the process group) counts once: partial results, exit 105', async () => {
    const out = join(scratch.dir, 'group-interrupted');
    const run = startCli(
      ['bench', '--out', out, '-q', '-e', 'TEST_DURATION=2m', ...SHORT_PHASES],
      {},
      undefined,
      true,
    );
    await waitForOutput(run, /memory: sampling/, 150_000);
    // Past setup (see the Ctrl-C case above): requests are being measured.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const started: ProcessEntry[] = descendantsOf(run.child.pid as number);
    expect(started.some((p) => p.cmdline.includes('node-runner/dist/child.js'))).toBe(true);
    // The CLI and its node-runner child both get it; the CLI's stop request must not be taken
    // for a second Ctrl-C (which exits at once, without the results JSON).
    process.kill(-(run.child.pid as number), 'SIGINT');
    const result = await run.done;
    expect(result.code).toBe(105);
    expect(result.stderr).not.toContain('Aborting k6 in response to signal');
    expect((await readResults(out)).total_requests).toBeGreaterThan(0);
    const record = await readRunRecord(out);
    expect(record).toMatchObject({ interrupted: true, verdict: 'interrupted', exit_code: 105 });
    const left = (await survivorsAfter(started, 3000)).map((p) => `${p.pid} ${p.cmdline}`);
    expect(left).toEqual([]);
  });

  it('SIGKILLed mid-run: no process it started outlives it by more than a few seconds', async () => {
    const out = join(scratch.dir, 'killed');
    const run = startCli(['bench', '--out', out, '-q', '-e', 'TEST_DURATION=2m', ...SHORT_PHASES]);
    await waitForOutput(run, /memory: sampling/, 150_000);
    // The load generator (node-runner's process) is running its schedule by now.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const started: ProcessEntry[] = descendantsOf(run.child.pid as number);
    expect(started.some((p) => p.cmdline.includes('node-runner/dist/child.js'))).toBe(true);
    expect(started.some((p) => POSTGRES.test(p.cmdline))).toBe(true);
    // Its temporary summary-export folder is named in the engine process's arguments.
    const engine = started.find((p) => p.cmdline.includes('node-runner/dist/child.js'));
    const runFolder = /"summaryExport":"([^"]*\/rota-perf-run-[^"/]+)\//.exec(
      engine?.cmdline ?? '',
    );
    expect(runFolder?.[1]).toBeDefined();
    run.child.kill('SIGKILL');
    await run.done;
    // The watchdogs poll every second; the engine process used to run on for its graceful
    // stop (and, before its 'disconnect' handler, to the end of its schedule).
    const engineLeft = (await survivorsAfter(started, 3000)).filter(
      (p) => !p.cmdline.startsWith('sh -c'),
    );
    expect(engineLeft.map((p) => `${p.pid} ${p.cmdline}`)).toEqual([]);
    // The folder's watchdog removes it once the engine's grace is over (ENGINE_STOP_GRACE_MS
    // + 2 s after the CLI's death: the engine writes into it until it stops), then ends.
    const deadline = Date.now() + 10_000;
    while (existsSync(runFolder?.[1] as string) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(runFolder?.[1] as string)).toBe(false);
    const left = (await survivorsAfter(started, 2000)).map((p) => `${p.pid} ${p.cmdline}`);
    expect(left).toEqual([]);
  });
});
