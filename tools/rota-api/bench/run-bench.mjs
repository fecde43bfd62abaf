// rota-api benchmark: throughput of two endpoints vs a hello-world baseline, and the
// mixed-reads target (1,000 req/s for 60 s, zero errors, p95 < 20 ms, large fixture), plus the
// progress write path (PUT progress on one item, and on every item of a trail round-robin).
// Usage: pnpm --filter @rota-perf/rota-api bench   (env: BENCH_SECONDS, MIXED_SECONDS,
// MIXED_RATE, BENCH_CONNECTIONS, BENCH_FIXTURE)
import { execFile, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startRotaApi } from '../dist/index.js';
import { cpuOf, perRequest } from './cpu.mjs';
import { endpointMix, session } from './mix.mjs';

const run = promisify(execFile);
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const mixedSeconds = Number(process.env.MIXED_SECONDS ?? 60);
const mixedRate = Number(process.env.MIXED_RATE ?? 1000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const fixture = process.env.BENCH_FIXTURE ?? 'large';

// One load run in its own process: `load.mjs` (autocannon, closed loop) or `paced.mjs`
// (constant arrival rate, open loop).
async function load(config, script = './load.mjs') {
  const { stdout } = await run(process.execPath, [here(script), JSON.stringify(config)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

function startHello() {
  const child = fork(here('./hello-server.mjs'), [], { stdio: 'inherit', execArgv: [] });
  return new Promise((resolve) => {
    child.on('message', (m) => {
      if (m.type === 'ready') resolve({ url: m.url, stop: () => child.send({ type: 'stop' }) });
    });
  });
}

const line = (name, r, baseline) =>
  `| ${name} | ${r.rps.toFixed(0)} | ${baseline ? (r.rps / baseline.rps).toFixed(3) : '1.000'} | ${r.latencyMs.p50} | ${r.latencyMs.p97_5} | ${r.latencyMs.p99} | ${r.errors + r.non2xx} |`;

const started = Date.now();
const hello = await startHello();
const api = await startRotaApi({ fixture });
console.error(
  `rota-api (${fixture} fixture) ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${api.url}`,
);
try {
  const auth = await session(api.url);
  const { trailId, itemId, sections, paths } = await endpointMix(api.url, auth);
  const base = { connections, duration: seconds };
  const cpu = {};
  // Loads the API and records its CPU cost per request under `name`.
  const measured = async (name, config, script) => {
    const before = cpuOf(api.pid);
    const result = await load(config, script);
    cpu[name] = perRequest(before, cpuOf(api.pid), result.requests);
    return result;
  };
  const helloResult = await load({ ...base, url: hello.url });
  const swi = await measured('sections-with-items', {
    ...base,
    url: `${api.url}/trails/${trailId}/sections-with-items`,
  });
  const progress = await measured('progress', {
    ...base,
    url: `${api.url}/user-trails/${trailId}/progress`,
    headers: { cookie: auth.cookie },
  });
  // The progress write path (k6 progress_write's shape: one user, one item), then every item
  // of the trail round-robin: completed items of one enrolment, each sync under its row lock.
  // A second user, so that the mixed reads below see the same state as before these writes.
  const writer = await session(api.url, 'writer');
  const writeHeaders = {
    cookie: writer.cookie,
    'x-csrf-token': writer.csrf,
    'content-type': 'application/json',
  };
  const putOne = await measured('PUT progress, one item', {
    ...base,
    url: `${api.url}/trails/${trailId}/items/${itemId}/progress`,
    method: 'PUT',
    headers: writeHeaders,
    body: JSON.stringify({ status: 'IN_PROGRESS', progress_value: 30 }),
  });
  const allItems = sections.flatMap((s) => s.items.map((i) => i.id));
  // In lock order, one by one, so that no item is locked (423) during the measurement.
  for (const id of allItems)
    await fetch(`${api.url}/trails/${trailId}/items/${id}/progress`, {
      method: 'PUT',
      headers: writeHeaders,
      body: JSON.stringify({ status: 'COMPLETED', progress_value: 100000 }),
    });
  const putMany = await measured('PUT progress, every item', {
    ...base,
    url: api.url,
    headers: writeHeaders,
    requests: allItems.map((id) => ({
      method: 'PUT',
      path: `/trails/${trailId}/items/${id}/progress`,
      body: JSON.stringify({ status: 'COMPLETED', progress_value: 100000 }),
    })),
  });
  // Constant arrival rate (paced.mjs): autocannon's overallRate sends each second's quota as a
  // burst, which measures saturation latency (a hello-world fails p95 < 20 ms that way).
  const mixed = await measured(
    'mixed reads',
    {
      url: api.url,
      connections: 50,
      duration: mixedSeconds,
      rate: mixedRate,
      headers: { cookie: auth.cookie, accept: 'application/json' },
      requests: paths.map((path) => ({ method: 'GET', path })),
    },
    './paced.mjs',
  );
  const pass =
    mixed.errors + mixed.non2xx + mixed.timeouts === 0 &&
    mixed.latencyMs.p95 < 20 &&
    mixed.rps >= 0.98 * mixedRate;
  const out = [
    `Date: ${new Date().toISOString()}`,
    `Command: pnpm --filter @rota-perf/rota-api bench (BENCH_SECONDS=${seconds}, MIXED_SECONDS=${mixedSeconds}, MIXED_RATE=${mixedRate}, connections=${connections}, fixture=${fixture})`,
    '',
    '| target | req/s | ratio vs hello | p50 ms | p97.5 ms | p99 ms | errors+non2xx |',
    '|---|---|---|---|---|---|---|',
    line('node:http hello-world (baseline)', helloResult),
    line('GET /trails/:id/sections-with-items', swi, helloResult),
    line('GET /user-trails/:id/progress', progress, helloResult),
    line('PUT /trails/:id/items/:iid/progress (one item)', putOne, helloResult),
    line(`PUT …/progress COMPLETED (${allItems.length} items round-robin)`, putMany, helloResult),
    '',
    `Mixed reads (${paths.length} GET endpoints round-robin, constant arrival rate ${mixedRate} req/s, ${mixedSeconds} s, up to 50 connections): ` +
      `${mixed.requests} requests, ${mixed.rps.toFixed(1)} req/s, errors ${mixed.errors}, non-2xx ${mixed.non2xx}, timeouts ${mixed.timeouts}, ` +
      `latency p50 ${mixed.latencyMs.p50} ms, p90 ${mixed.latencyMs.p90} ms, p95 ${mixed.latencyMs.p95} ms, p97.5 ${mixed.latencyMs.p97_5} ms, p99 ${mixed.latencyMs.p99} ms, max ${mixed.latencyMs.max} ms`,
    `Target (zero errors, >= 98 % of the rate, p95 < 20 ms): ${pass ? 'PASS' : 'FAIL'}`,
    '',
    'Server CPU per request (API process + its embedded PostgreSQL):',
    ...Object.entries(cpu).map(([name, figure]) => `- ${name}: ${figure}`),
    `Load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  ];
  console.log(out.join('\n'));
} finally {
  await api.stop();
  hello.stop();
}
