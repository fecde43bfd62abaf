#!/usr/bin/env node
// Startup cost of the lazy command table: `rota-perf --help` (loads only the dispatcher) vs
// the same help after importing every package the commands use (what an eager table costs).
// Both are measured in the same run, alternating, so machine load hits them alike.
//   node bench/startup.mjs [runs]   (build first: pnpm turbo run build --filter=@rota-perf/cli...)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from '@rota-perf/core';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../dist/bin/rota-perf.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rota-perf-startup-'));
// Resolved from this package, as the CLI resolves them.
const eager = join(fileURLToPath(new URL('../', import.meta.url)), 'eager-startup.tmp.mjs');
writeFileSync(
  eager,
  `await Promise.all(['@rota-perf/rota-api', '@rota-perf/node-runner', '@rota-perf/bootstrap-auth/node',
  '@rota-perf/db-bench/rota', '@rota-perf/mem-monitor', '@rota-perf/rps-sweeper',
  '@rota-perf/report-formatter/html'].map((m) => import(m)));
const { formatGroupHelp } = await import('@rota-perf/core');
const { ROTA_PERF } = await import(${JSON.stringify(new URL('../dist/commands/index.js', import.meta.url).href)});
console.log(formatGroupHelp(ROTA_PERF));\n`,
);

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const lazy = [];
const loaded = [];
try {
  time([bin, '--help']); // warm the file cache once for both
  time([eager]);
  for (let i = 0; i < runs; i++) {
    lazy.push(time([bin, '--help']));
    loaded.push(time([eager]));
  }
} finally {
  rmSync(eager, { force: true });
  rmSync(dir, { recursive: true, force: true });
}
const fmt = (v) => v.toFixed(1);
const lazyMedian = quantile(lazy, 0.5);
const eagerMedian = quantile(loaded, 0.5);
console.log(`runs: ${runs} each, alternating`);
console.log(
  `rota-perf --help (lazy table):         median ${fmt(lazyMedian)} ms, p95 ${fmt(quantile(lazy, 0.95))} ms`,
);
console.log(
  `help after importing every package:    median ${fmt(eagerMedian)} ms, p95 ${fmt(quantile(loaded, 0.95))} ms`,
);
console.log(`eager / lazy: ${(eagerMedian / lazyMedian).toFixed(2)}x`);
