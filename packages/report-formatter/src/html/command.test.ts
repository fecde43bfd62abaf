// The report command through the one command-line runner, as `rota-perf report` runs it.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from '@rota-perf/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureFolder } from '../test-support/report-fixture.js';
import { reportCommand } from './command.js';

let folder: string;
let empty: string;

const run = (args: string[]) => runCaptured(reportCommand, args, { cwd: folder });

beforeAll(async () => {
  folder = await writeFixtureFolder();
  empty = await mkdtemp(join(tmpdir(), 'rota-report-none-'));
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  if (empty) await rm(empty, { recursive: true, force: true });
});

describe('report command', () => {
  it('writes the report and prints its path', async () => {
    const out = join(folder, 'custom.html');
    const r = await run([folder, '--out', 'custom.html', '--title', 'Nightly']);
    expect(r).toEqual({ code: 0, out: [`HTML report written to ${out}`], err: [] });
    expect(await readFile(out, 'utf8')).toContain('<title>Nightly</title>');
  });

  it('reads a relative --out from where it runs, and refuses one that names a folder', async () => {
    const elsewhere = (args: string[]) => runCaptured(reportCommand, args, { cwd: empty });
    const r = await elsewhere([folder, '--out', 'here.html']);
    expect(r).toEqual({
      code: 0,
      out: [`HTML report written to ${join(empty, 'here.html')}`],
      err: [],
    });
    expect(existsSync(join(folder, 'here.html'))).toBe(false);
    await rm(join(empty, 'here.html'));
    // A trailing slash names a folder, existing or not: no file named like it is written.
    const slash = await elsewhere([folder, '--out', 'reports/']);
    expect(slash).toEqual({
      code: 2,
      out: [],
      err: [`report: --out ${join(empty, 'reports')}/ names a folder: expected a file path`],
    });
    expect(existsSync(join(empty, 'reports'))).toBe(false);
  });

  it('exits 2 with one line for a usage error', async () => {
    const cases: [string[], string][] = [
      [[], 'report: missing <folder> (see report --help)'],
      [['--bogus', folder], 'report: unknown option "--bogus" (see report --help)'],
      [[folder, 'extra'], 'report: unexpected argument "extra" (see report --help)'],
    ];
    for (const [args, line] of cases)
      expect(await run(args)).toEqual({ code: 2, out: [], err: [line] });
  });

  it('exits 1 with one line for a missing folder or a folder without results', async () => {
    const missing = join(folder, 'no-such-dir');
    expect(await run([missing])).toEqual({
      code: 1,
      out: [],
      err: [`report: results folder ${missing} does not exist`],
    });
    const none = await run([empty]);
    expect(none.code).toBe(1);
    expect(none.err).toHaveLength(1);
    expect(none.err[0]).toMatch(/^report: no results in .*expected at least one of results\.json/);
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });

  it('a corrupt results file: one line naming it, control bytes escaped, exit 1', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'rota-report-corrupt-'));
    try {
      await writeFile(join(bad, 'results.json'), '\u0007\u001b[2J\u0000garbage');
      const r = await run([bad]);
      expect(r.code).toBe(1);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^report: .*results\.json: not valid JSON \(/);
      expect(r.err[0]).toContain('\\x1b[2J');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the bytes that must not be echoed
      expect(r.err[0]).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('a mistyped results file: one line naming it and its first schema violation', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'rota-report-mistyped-'));
    try {
      const valid = JSON.parse(await readFile(join(folder, 'results.json'), 'utf8'));
      await writeFile(
        join(bad, 'results.json'),
        JSON.stringify({ ...valid, run_id: undefined, endpoints: 'oops' }),
      );
      const r = await run([bad]);
      expect(r).toEqual({
        code: 1,
        out: [],
        err: [
          `report: ${join(bad, 'results.json')}: not a valid results.json (load-results.schema.json): /endpoints must be array`,
        ],
      });
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
