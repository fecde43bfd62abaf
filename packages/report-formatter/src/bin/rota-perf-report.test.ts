// The command as users run it: the built bin file (turbo builds before testing).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureFolder } from '../test-support/report-fixture.js';

const BIN = fileURLToPath(new URL('../../dist/bin/rota-perf-report.js', import.meta.url));
let folder: string;

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  if (!existsSync(BIN))
    throw new Error(
      `${BIN} is missing: run "pnpm --filter @rota-perf/report-formatter build" first`,
    );
  folder = await writeFixtureFolder();
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('rota-perf-report', () => {
  it('writes the report and prints its path', async () => {
    const out = join(folder, 'custom.html');
    const r = await run([folder, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`HTML report written to ${out}\n`);
    expect(existsSync(out)).toBe(true);
  });

  it('exits 2 with one line and the usage for a usage error', async () => {
    for (const args of [[], ['--bogus', folder], [folder, 'extra']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      const [first, usage, rest] = r.stderr.split('\n');
      expect(first).toMatch(/^rota-perf-report: /);
      expect(usage).toMatch(/^usage: rota-perf-report/);
      expect(rest).toBe('');
    }
    expect((await run([])).stderr).toContain('missing <results-folder>');
    expect((await run([folder, 'extra'])).stderr).toContain('unexpected argument "extra"');
  });

  it('exits 1 with one line, no stack, for a folder without results', async () => {
    const missing = join(folder, 'no-such-dir');
    const r = await run([missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`rota-perf-report: results folder ${missing}: does not exist\n`);
  });
});
