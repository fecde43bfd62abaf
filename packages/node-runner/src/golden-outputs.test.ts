import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_RUNNER_METRICS } from './metrics/builtin.js';
import {
  goldenPath,
  type RunOutput,
  readGolden,
  removeTempDirs,
  runBin,
  startGoldenServer,
  tempDir,
} from './test-support/harness.js';

// `06-out-json.js` as k6 ran it (`--out json=… --out csv=…`), compared line by line with the
// recordings: which lines exist, in which order, with which keys, tags and value types. Times,
// values and the interleaving of the once-a-second vus points depend on the clock.

interface Line {
  type: 'Metric' | 'Point';
  metric: string;
  data: Record<string, unknown>;
}

const isExtension = (name: string) => NODE_RUNNER_METRICS.includes(name);
const ONCE_A_SECOND = new Set(['vus', 'vus_max']);
const REQUEST_METRICS = [
  'http_reqs',
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'http_req_failed',
];
const ITERATION_END = ['data_sent', 'data_received', 'iteration_duration', 'iterations'];

function ndjson(text: string): { raw: string; line: Line }[] {
  return text
    .trimEnd()
    .split('\n')
    .map((raw) => ({ raw, line: JSON.parse(raw) as Line }))
    .filter(({ line }) => !isExtension(line.metric));
}

/** A point as compared: its metric and its whole tag set (sorted keys, values). */
const pointKey = (l: Line) => `${l.metric} ${JSON.stringify(l.data.tags)}`;
const sortedCounts = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/** Checks k6's ordering rules on a list of points; returns the violations. */
function orderViolations(points: Line[]): string[] {
  const bad: string[] = [];
  const rule = (start: string, sequence: string[]) => {
    points.forEach((p, i) => {
      if (p.metric !== start) return;
      const run = points.slice(i, i + sequence.length);
      const same = run.every((q) => JSON.stringify(q.data.tags) === JSON.stringify(p.data.tags));
      if (run.map((q) => q.metric).join() !== sequence.join() || !same)
        bad.push(`${start} at ${i}: ${run.map((q) => q.metric).join()}`);
    });
  };
  // A request's nine samples together, in this order, with one tag set; an iteration's end.
  rule('http_reqs', REQUEST_METRICS);
  rule('data_sent', ITERATION_END);
  return bad;
}

let ours: { json: string; csv: string; run: RunOutput; port: number };
const goldenJson = readGolden('06-out-json.ndjson');
const goldenCsv = readGolden('06-out-csv.csv.golden');

beforeAll(async () => {
  const server = await startGoldenServer();
  try {
    const dir = tempDir();
    const script = join(dir, '06-out-json.js');
    const source = readGolden('06-out-json.js');
    writeFileSync(script, source.replaceAll('18181', String(server.port)));
    const run = await runBin(
      ['run', '-q', '--out', 'json=out.ndjson', '-o', 'csv=out.csv', script],
      { cwd: dir },
    );
    ours = {
      run,
      port: server.port,
      json: readFileSync(join(dir, 'out.ndjson'), 'utf8'),
      csv: readFileSync(join(dir, 'out.csv'), 'utf8'),
    };
  } finally {
    server.stop();
  }
}, 60_000);
afterAll(removeTempDirs);

describe('--out json (NDJSON) against the k6 recording', () => {
  it('the run itself succeeds', () => {
    expect(ours.run.code).toBe(0);
  });

  it('a Metric line the first time each metric has a sample: same lines, same order', () => {
    const metricLines = (text: string) =>
      ndjson(text)
        .filter(({ line }) => line.type === 'Metric')
        .map(({ raw }) => raw);
    // Byte for byte: key order, type, contains, thresholds, the sub-metrics and their order.
    expect(metricLines(ours.json)).toEqual(metricLines(goldenJson));
    // Each Metric line comes right before the metric's first Point.
    for (const text of [ours.json, goldenJson]) {
      const lines = ndjson(text).map(({ line }) => line);
      lines.forEach((l, i) => {
        if (l.type === 'Metric')
          expect([lines[i + 1]?.type, lines[i + 1]?.metric]).toEqual(['Point', l.metric]);
      });
    }
  });

  it('Point lines: key order, value types, RFC 3339 nanosecond times', () => {
    const points = ndjson(ours.json).filter(({ line }) => line.type === 'Point');
    expect(points.length).toBeGreaterThan(100);
    for (const { raw, line } of points) {
      expect(Object.keys(line)).toEqual(['metric', 'type', 'data']);
      expect(Object.keys(line.data)).toEqual(['time', 'value', 'tags']);
      expect(line.data.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);
      expect(typeof line.data.value).toBe('number');
      // Tags are a Go map: keys sorted.
      const keys = Object.keys(line.data.tags as object);
      expect(keys).toEqual([...keys].sort());
      expect(raw).not.toMatch(/"metadata"/);
    }
  });

  it('the same points with the same tag sets as k6, vus/vus_max once a second with no tags', () => {
    const points = (text: string) =>
      ndjson(text)
        .map(({ line }) => line)
        .filter((l) => l.type === 'Point');
    const perSample = (text: string) =>
      points(text)
        .filter((l) => !ONCE_A_SECOND.has(l.metric))
        .map(pointKey);
    expect(sortedCounts(perSample(ours.json))).toEqual(sortedCounts(perSample(goldenJson)));
    const gauges = points(ours.json).filter((l) => ONCE_A_SECOND.has(l.metric));
    expect(gauges.length).toBeGreaterThanOrEqual(2);
    for (const g of gauges) expect(g.data.tags).toEqual({});
    // vus_max follows vus, with the same time, as in the recording.
    gauges.forEach((g, i) => {
      if (g.metric === 'vus')
        expect([gauges[i + 1]?.metric, gauges[i + 1]?.data.time]).toEqual(['vus_max', g.data.time]);
    });
  });

  it("k6's order rules: a request's nine samples together; data, duration and count end an iteration", () => {
    const points = (text: string) =>
      ndjson(text)
        .map(({ line }) => line)
        .filter((l) => l.type === 'Point' && !ONCE_A_SECOND.has(l.metric));
    expect(orderViolations(points(goldenJson))).toEqual([]);
    expect(orderViolations(points(ours.json))).toEqual([]);
    // The samples recorded together share one time, as in k6.
    const ourPoints = points(ours.json);
    ourPoints.forEach((p, i) => {
      if (p.metric === 'http_reqs')
        expect(new Set(ourPoints.slice(i, i + 9).map((q) => q.data.time)).size).toBe(1);
    });
  });
});

describe('--out csv against the k6 recording', () => {
  const rows = (text: string) => text.trimEnd().split('\n');
  const header = (text: string) => rows(text)[0];
  const body = (text: string) =>
    rows(text)
      .slice(1)
      .map((r) => r.split(','))
      .filter((cells) => !isExtension(cells[0] ?? ''));

  it('the fixed header', () => {
    expect(header(ours.csv)).toBe(header(goldenCsv));
  });

  it('the same rows, timestamps in Unix seconds, values with six decimals', () => {
    // Everything but timestamp and value; extra_tags compared as a set (k6 walks a Go map).
    const key = (cells: string[]) => {
      const extra = (cells[17] ?? '').split('&').sort().join('&');
      return [cells[0], ...cells.slice(3, 17), extra, cells[18]].join(',');
    };
    const perSample = (text: string) =>
      body(text)
        .filter((c) => !ONCE_A_SECOND.has(c[0] ?? ''))
        .map(key);
    expect(sortedCounts(perSample(ours.csv))).toEqual(sortedCounts(perSample(goldenCsv)));
    const now = Date.now() / 1000;
    for (const cells of body(ours.csv)) {
      expect(cells).toHaveLength(19);
      expect(Number(cells[1])).toBeGreaterThan(now - 120);
      expect(cells[1]).toMatch(/^\d+$/);
      expect(cells[2]).toMatch(/^-?\d+\.\d{6}$/);
    }
    const gauges = body(ours.csv).filter((c) => ONCE_A_SECOND.has(c[0] ?? ''));
    expect(gauges.length).toBeGreaterThanOrEqual(2);
    for (const g of gauges) expect(g.slice(3).every((cell) => cell === '')).toBe(true);
  });

  it('csv and json hold the same samples', () => {
    const jsonMetrics = ndjson(ours.json)
      .filter(({ line }) => line.type === 'Point')
      .map(({ line }) => line.metric);
    expect(body(ours.csv).map((c) => c[0])).toEqual(jsonMetrics);
  });
});

describe('an output that cannot be created', () => {
  it('fails the run in one line naming it, exit code 255, before setup()', async () => {
    const dir = tempDir();
    const r = await runBin(
      ['run', '-q', '--out', 'json=missing/dir/out.ndjson', goldenPath('06-out-json.js')],
      { cwd: dir },
    );
    expect(r.code).toBe(255);
    expect(r.stderr.trim().split('\n')).toEqual([
      `could not create the 'json' output: ENOENT: no such file or directory, open '${join(dir, 'missing/dir/out.ndjson')}'`,
    ]);
  });
});
