#!/usr/bin/env node
// Checks the sweep verdicts against systems whose answer is known, and prints true capacity,
// found ceiling and verdict (the figures in docs/benchmarks.md, "Sweep verdicts", come from here):
//
//   node bench/verdicts.mjs [capacity|starved|all]   (build rps-sweeper and node-runner first)
//
// capacity: the fixed-capacity server (SLOTS × SERVICE_MS, FIFO queue beyond): a step sweep
//           and an adaptive search must find its measured capacity within ±10% and name the
//           system (its latency exhausts the VU pool) as the cause.
// starved:  a server far above the rates tried, and a generator pinned to one core with a busy
//           sibling process (taskset; without it, the generator alone on a full core): the
//           verdict must name the generator and call the ceiling a lower bound.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSweepSummary } from '@rota-perf/report-formatter';
import { analyseSweep, planSweep, searchCeiling } from '../dist/index.js';
import {
  canPin,
  LAB_TOLERANCE,
  labSweepInput,
  runPlan,
  startCpuBurner,
  startFixedCapacityServer,
} from './verdict-lab.mjs';

const SLOTS = 10;
const SERVICE_MS = 50;
const NOMINAL_RPS = (SLOTS * 1000) / SERVICE_MS;

const plan = (levels) => planSweep(labSweepInput(levels));

function verdictOf(result) {
  const first = [...result.levels].sort((a, b) => a.targetRps - b.targetRps).find((l) => !l.passed);
  return first ? `${first.cause} at ${first.targetRps} RPS: ${first.reason}` : 'no level failed';
}

function report(label, trueCapacity, ceiling, result) {
  const error = ceiling === null || trueCapacity === null ? null : ceiling / trueCapacity - 1;
  console.log(`\n${label}`);
  console.log(
    `  true capacity:   ${trueCapacity === null ? 'unbounded' : `${trueCapacity.toFixed(1)} RPS`}`,
  );
  console.log(
    `  found ceiling:   ${ceiling ?? 'none'} RPS${error === null ? '' : ` (${error >= 0 ? '+' : ''}${(error * 100).toFixed(1)}%)`}${result.generatorSaturated ? ', a lower bound' : ''}`,
  );
  console.log(`  limited by:      ${result.limitedBy}`);
  console.log(`  verdict:         ${verdictOf(result)}`);
}

async function capacity(dir) {
  const server = await startFixedCapacityServer({ slots: SLOTS, serviceMs: SERVICE_MS });
  try {
    const opts = { baseUrl: server.url, dir };
    const sweepPlan = plan({ min: 120, max: 280, step: 20, seconds: 5, vus: 20 });
    const sweep = analyseSweep(await runPlan(sweepPlan, opts), sweepPlan, { kind: 'rps_probe' });
    const afterSweep = (await server.stats()).capacity_rps;
    console.log(formatSweepSummary(sweep));
    report(
      `step sweep, ${SLOTS} slots × ${SERVICE_MS} ms (nominal ${NOMINAL_RPS} RPS), 20 VUs, 5 s levels`,
      afterSweep,
      sweep.highestPassingTarget,
      sweep,
    );

    const search = await searchCeiling({
      min: 50,
      max: 1600,
      strategy: 'exponential',
      precision: 5,
      duration: 5,
      tolerance: LAB_TOLERANCE,
      runLevel: async (rate, seconds) => {
        const one = plan({ min: rate, max: rate, step: 1, seconds, vus: 20 });
        const level = analyseSweep(await runPlan(one, opts), one, { kind: 'adaptive' }).levels[0];
        console.log(`  ${rate} RPS: ${level.passed ? 'PASS' : `FAIL (${level.reason})`}`);
        return level;
      },
    });
    report(
      `adaptive search, exponential from 50, precision 5 (${search.runs.length} runs)`,
      (await server.stats()).capacity_rps,
      search.ceiling,
      search.sweep,
    );
  } finally {
    await server.stop();
  }
}

async function starved(dir) {
  // 1000 slots × 5 ms: 200,000 RPS, far beyond any rate tried here.
  const server = await startFixedCapacityServer({ slots: 1000, serviceMs: 5 });
  const burnMs = 2;
  const pin = canPin();
  const sweepPlan = plan({ min: 100, max: 700, step: 200, seconds: 5, vus: 50 });
  try {
    const opts = { baseUrl: server.url, dir, burnMs };
    const alone = analyseSweep(await runPlan(sweepPlan, opts), sweepPlan, { kind: 'rps_probe' });
    console.log(formatSweepSummary(alone));
    report(
      `generator alone, ${burnMs} ms of script CPU per iteration (a full core: ~${1000 / burnMs}/s)`,
      null,
      alone.highestPassingTarget,
      alone,
    );
    if (!pin) {
      console.log('\ntaskset is not available: the pinned run with a busy sibling is skipped');
      return;
    }
    const burner = startCpuBurner({ cpu: 0 });
    let shared;
    try {
      shared = analyseSweep(await runPlan(sweepPlan, { ...opts, pinCpu: 0 }), sweepPlan, {
        kind: 'rps_probe',
      });
    } finally {
      await burner.stop();
    }
    console.log(formatSweepSummary(shared));
    report(
      `generator pinned to core 0 with a busy sibling there (half a core: ~${1000 / burnMs / 2}/s)`,
      null,
      shared.highestPassingTarget,
      shared,
    );
  } finally {
    await server.stop();
  }
}

const which = process.argv[2] ?? 'all';
if (!['capacity', 'starved', 'all'].includes(which)) {
  console.error(`unknown scenario ${JSON.stringify(which)}: expected capacity, starved or all`);
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'rps-sweeper-verdicts-'));
try {
  if (which !== 'starved') await capacity(dir);
  if (which !== 'capacity') await starved(dir);
} finally {
  await rm(dir, { recursive: true, force: true });
}
