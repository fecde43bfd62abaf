import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { replay as Replay } from './replay.js';
import { goldenDir, packageRoot } from './test-support/harness.js';

// The recorded k6 NDJSON of 06-out-json.js replayed through the script: the summary of the
// recorded run (06-out-json.out) from its samples, whole or split into two instances' files.

let replay: typeof Replay;
const script = resolve(goldenDir, '06-out-json.js');
const recording = resolve(goldenDir, '06-out-json.ndjson');
const dir = mkdtempSync(join(tmpdir(), 'replay-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Export {
  metrics: Record<string, Record<string, unknown>>;
}

async function summarise(files: string[], name: string): Promise<{ code: number; doc: Export }> {
  const summaryExport = join(dir, `${name}.json`);
  const result = await replay(script, files, { cwd: dir, summaryExport, env: {} });
  return { code: result.exitCode, doc: JSON.parse(readFileSync(summaryExport, 'utf8')) };
}

/** The recording split into two pods' files: every Metric line in both, the points dealt out. */
function split(): [string, string] {
  const lines = readFileSync(recording, 'utf8').trim().split('\n');
  const parts: [string[], string[]] = [[], []];
  let point = 0;
  for (const line of lines) {
    if (line.includes('"type":"Metric"')) for (const part of parts) part.push(line);
    else parts[(point++ >> 3) % 2]?.push(line);
  }
  const files = parts.map((part, i) => {
    const file = join(dir, `pod-${i}.ndjson`);
    writeFileSync(file, `${part.join('\n')}\n`);
    return file;
  });
  return files as [string, string];
}

const durations = (name: string) =>
  readFileSync(recording, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.type === 'Point' && e.metric === name && e.data.tags.name === 'echo')
    .map((e) => e.data.value as number);

describe('replay of recorded k6 NDJSON', () => {
  let whole: { code: number; doc: Export };
  let halves: { code: number; doc: Export };
  beforeAll(async () => {
    ({ replay } = (await import(resolve(packageRoot, 'dist/index.js'))) as {
      replay: typeof Replay;
    });
    [whole, halves] = await Promise.all([
      summarise([recording], 'whole'),
      summarise(split(), 'halves'),
    ]);
  }, 30_000);

  it("gives the recorded run's counts and its threshold verdict", () => {
    expect(whole.code).toBe(0);
    const m = whole.doc.metrics;
    // 06-out-json.out: 18 requests, 9 iterations, 9 custom hits, checks 9 ✓ 0 ✗, 50 % failed.
    expect(m.http_reqs?.count).toBe(18);
    expect(m.iterations?.count).toBe(9);
    expect(m.custom_hits?.count).toBe(9);
    expect([m.checks?.passes, m.checks?.fails]).toEqual([9, 0]);
    expect(m.http_req_failed?.value).toBe(0.5);
    expect(m['http_req_duration{name:echo}']?.thresholds).toEqual({ 'p(95)<1000': false });
    // Its recorded figures: max 21.76 ms, avg 3.85 ms of the echo requests.
    expect(m['http_req_duration{name:echo}']?.max).toBeCloseTo(21.76623, 5);
    expect(m['http_req_duration{name:echo}']?.avg).toBeCloseTo(3.85, 2);
  });

  it('percentiles are those of the samples (HDR precision)', () => {
    const echo = durations('http_req_duration');
    const stats = whole.doc.metrics['http_req_duration{name:echo}'] ?? {};
    // HDR percentiles are ranks (⌈p·n⌉-th sample, as in a live node-runner run), 0.1 % precise.
    const sorted = [...echo].sort((a, b) => a - b);
    const rank = (p: number) => sorted[Math.ceil(p * sorted.length) - 1] as number;
    for (const [stat, p] of [
      ['med', 0.5],
      ['p(90)', 0.9],
    ] as const)
      expect(Math.abs((stats[stat] as number) - rank(p)) / rank(p), stat).toBeLessThan(0.001);
    expect(stats.avg).toBeCloseTo(echo.reduce((a, b) => a + b, 0) / echo.length, 9);
  });

  it('two instances merged are the whole run', () => {
    expect(halves.code).toBe(0);
    for (const name of [
      'http_reqs',
      'iterations',
      'http_req_duration',
      'http_req_duration{name:echo}',
      'checks',
    ])
      for (const [stat, value] of Object.entries(whole.doc.metrics[name] ?? {})) {
        const merged = halves.doc.metrics[name]?.[stat];
        if (typeof value === 'number') expect(merged, `${name} ${stat}`).toBeCloseTo(value, 9);
        else expect(merged, `${name} ${stat}`).toEqual(value);
      }
  });

  it('a crossed threshold on the merged samples exits 99', async () => {
    const strict = join(dir, 'strict.js');
    writeFileSync(strict, readFileSync(script, 'utf8').replace("'p(95)<1000'", "'p(95)<1'"));
    const result = await replay(strict, [recording], { cwd: dir, env: {} });
    expect(result.exitCode).toBe(99);
  });

  it('a corrupt line is refused with its file and line', async () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(
      bad,
      `${readFileSync(recording, 'utf8').split('\n').slice(0, 3).join('\n')}\n{"type":"Po\n`,
    );
    await expect(replay(script, [bad], { cwd: dir, env: {} })).rejects.toThrow(
      `${bad}:4: not a JSON line (expected k6 --out json NDJSON)`,
    );
  });
});
