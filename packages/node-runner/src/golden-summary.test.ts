import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_RUNNER_METRICS } from './metrics/builtin.js';
import {
  consoleMessages,
  goldenPath,
  type RunOutput,
  readGolden,
  readJson,
  removeTempDirs,
  runBin,
  startGoldenServer,
  tempDir,
} from './test-support/harness.js';

interface Group {
  name: string;
  path: string;
  id: string;
  groups: Group[];
  checks: { name: string; path: string; id: string; passes: number; fails: number }[];
}

interface MetricJson {
  type: string;
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, unknown>;
}

interface SummaryJson {
  metrics: Record<string, MetricJson>;
  root_group: Group;
  setup_data: unknown;
  options: unknown;
  state: Record<string, number>;
}

interface ExportJson {
  metrics: Record<string, Record<string, unknown>>;
  root_group: unknown;
}

/** A metric only node-runner emits (generator health): not in k6's recordings. */
const isExtension = (key: string) => NODE_RUNNER_METRICS.includes(key.split('{')[0] ?? key);
const k6Keys = (metrics: Record<string, unknown>) =>
  Object.keys(metrics)
    .filter((k) => !isExtension(k))
    .sort();

/** Looks up an entry that must exist (the test fails with its name otherwise). */
function must<T>(map: Record<string, T>, key: string): T {
  const v = map[key];
  if (v === undefined) throw new Error(`missing ${key}`);
  return v;
}

// Names, paths and ids only: counts depend on timing.
function skeleton(g: Group): unknown {
  return {
    name: g.name,
    path: g.path,
    id: g.id,
    groups: g.groups.map(skeleton),
    checks: g.checks.map((c) => ({ name: c.name, path: c.path, id: c.id })),
  };
}

let server: Awaited<ReturnType<typeof startGoldenServer>>;
beforeAll(async () => {
  server = await startGoldenServer();
});
afterAll(() => {
  removeTempDirs();
  server?.stop();
});

describe('02-summary-data (handleSummary data layout)', () => {
  let result: RunOutput;
  let ours: SummaryJson;
  const golden = JSON.parse(readGolden('02-summary-data.json')) as SummaryJson;
  beforeAll(async () => {
    const cwd = tempDir('k6node-02-');
    result = await runBin(
      ['run', '--quiet', '-e', `BASE=${server.base}`, goldenPath('02-summary-data.js')],
      { cwd },
    );
    ours = readJson(join(cwd, 'summary-data.json'));
  });

  it('exits 99 because a threshold failed, and says which', () => {
    expect(result.code).toBe(99);
    expect(result.stderr).toContain(
      `level=error msg="thresholds on metrics 'my_trend_ms{endpoint:slow}' have been crossed"`,
    );
    expect(result.stdout).toContain('custom stdout line\n');
  });

  it('has exactly the recorded metrics and sub-metrics, with the same types and contains', () => {
    expect(k6Keys(ours.metrics)).toEqual(Object.keys(golden.metrics).sort());
    // node-runner's extensions are there besides: the run had arrival-rate starts and lasted > 1 s.
    expect(Object.keys(ours.metrics).filter(isExtension).sort()).toEqual(
      [...NODE_RUNNER_METRICS].sort(),
    );
    for (const [name, m] of Object.entries(golden.metrics)) {
      expect({
        name,
        type: must(ours.metrics, name).type,
        contains: must(ours.metrics, name).contains,
      }).toEqual({ name, type: m.type, contains: m.contains });
      expect({ name, keys: Object.keys(must(ours.metrics, name).values).sort() }).toEqual({
        name,
        keys: Object.keys(m.values).sort(),
      });
      expect({ name, thresholds: must(ours.metrics, name).thresholds }).toEqual({
        name,
        thresholds: m.thresholds,
      });
    }
  });

  it('counts failed requests as passes of http_req_failed and drops iterations without free VUs', () => {
    expect(must(ours.metrics, 'http_req_failed').values.passes).toBe(0);
    expect(must(ours.metrics, 'http_req_failed').values.fails).toBe(
      must(ours.metrics, 'http_reqs').values.count,
    );
    expect(must(ours.metrics, 'dropped_iterations').values.count).toBeGreaterThan(0);
    expect(result.stderr).toContain(
      'msg="Insufficient VUs, reached 2 active VUs and cannot initialize more" executor=constant-arrival-rate scenario=steady',
    );
    // ramp: 2/s → 10/s over 1 s then → 0 over 1 s: (2+10)/2 + 10/2 = 11 iterations, one request each.
    expect(must(ours.metrics, 'http_reqs{scenario:ramp}').values.count).toBe((2 + 10) / 2 + 10 / 2);
  });

  it('has the recorded group/check tree with md5 ids, setup and teardown groups', () => {
    expect(skeleton(ours.root_group)).toEqual(skeleton(golden.root_group));
    const never = ours.root_group.checks.find((c: { name: string }) => c.name === 'never true');
    expect(never?.passes).toBe(0);
    expect(never?.fails).toBeGreaterThan(0);
  });

  it('passes setup data through JSON as k6 does, and reports options and state', () => {
    expect(ours.setup_data).toEqual(golden.setup_data);
    expect(ours.options).toEqual(golden.options);
    expect(Object.keys(ours.state).sort()).toEqual(Object.keys(golden.state).sort());
    expect(ours.state.testRunDurationMs).toBeGreaterThan(3900);
    const [setupLine] = consoleMessages(result.stderr).filter((m) => m.startsWith('SETUP_DATA'));
    const [goldenLine] = consoleMessages(readGolden('02-summary-data.out')).filter((m) =>
      m.startsWith('SETUP_DATA'),
    );
    const strip = (s: string | undefined) =>
      s?.replace(
        /^SETUP_DATA (\{.*\}) /,
        (_m, json: string) =>
          `SETUP_DATA ${JSON.stringify(JSON.parse(json), Object.keys(JSON.parse(json)).sort())} `,
      );
    expect(strip(setupLine)).toBe(strip(goldenLine));
  });
});

describe('04-default-summary (text summary and --summary-export)', () => {
  let result: RunOutput;
  let exported: ExportJson;
  const golden = JSON.parse(readGolden('04-summary-export.json')) as ExportJson;
  const goldenText = readGolden('04-default-summary.out');
  beforeAll(async () => {
    const cwd = tempDir('k6node-04-');
    result = await runBin(
      [
        'run',
        '--summary-export',
        'export.json',
        '-e',
        `BASE=${server.base}`,
        goldenPath('04-default-summary.js'),
      ],
      { cwd },
    );
    exported = readJson(join(cwd, 'export.json'));
  });

  it('exits 0 and prints the summary lines k6 prints (same metric rows, marks, sub-metric rows)', () => {
    expect(result.code).toBe(0);
    const rows = (text: string) =>
      text
        .split('\n')
        .map((l) => /^(\s*(?:[✓✗] )?\s*[\w{}: ]+?)\.{3,}:/u.exec(l)?.[1])
        .filter((x): x is string => x !== undefined);
    expect(rows(goldenText).length).toBe(16);
    expect(rows(result.stdout).filter((r) => !isExtension(r.trim()))).toEqual(rows(goldenText));
    expect(result.stdout).toContain('     ✓ ok\n');
    expect(result.stdout).toContain(
      '* default: 10 iterations shared among 2 VUs (maxDuration: 10m0s, gracefulStop: 30s)',
    );
    expect(result.stdout).toContain('2 max VUs, 10m30s max duration (incl. graceful stop):');
  });

  it('writes the older export layout', () => {
    expect(k6Keys(exported.metrics)).toEqual(Object.keys(golden.metrics).sort());
    for (const [name, m] of Object.entries(golden.metrics)) {
      expect({ name, keys: Object.keys(must(exported.metrics, name)).sort() }).toEqual({
        name,
        keys: Object.keys(m).sort(),
      });
    }
    expect(must(exported.metrics, 'http_req_duration{name:echo}').thresholds).toEqual(
      must(golden.metrics, 'http_req_duration{name:echo}').thresholds,
    );
    expect(exported.root_group).toEqual(golden.root_group);
  });
});
