// What watching the database costs a load run, measured as throughput in one run, alternating:
// 1. route tags on the API's statements: two API processes on the same database, tags on and
//    off (ROTA_API_TAG_STATEMENTS), the same closed-loop load sent to each in turn;
// 2. pg-insights while a run goes on (pg_stat_statements snapshots before and after, wait
//    sampling every 0.5 s on one connection): the same load with and without it.
// The load is the endpoint benchmark's mix: its GET endpoints and the PUT progress write.
// Usage: pnpm --filter @rota-perf/rota-api bench:insights   (env: ROUNDS, ROUND_SECONDS,
// BENCH_CONNECTIONS, BENCH_FIXTURE)
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { quantile } from '@rota-perf/core';
import { startDatabaseInsights } from '@rota-perf/pg-insights';
import { STATEMENT_STATISTICS_SETTINGS, startConnectedDatabase } from '@rota-perf/rota-db';
import { startRotaApi } from '../dist/index.js';
import { cpuOf } from './cpu.mjs';
import { endpointMix, session } from './mix.mjs';

const run = promisify(execFile);
const rounds = Number(process.env.ROUNDS ?? 8);
const seconds = Number(process.env.ROUND_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const fixture = process.env.BENCH_FIXTURE ?? 'small';
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function load(config) {
  const script = fileURLToPath(new URL('./load.mjs', import.meta.url));
  const { stdout } = await run(process.execPath, [script, JSON.stringify(config)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

// The endpoint benchmark's requests for one user: every GET endpoint, then a progress write.
async function requestsFor(url, auth) {
  const { trailId, itemId, paths } = await endpointMix(url, auth);
  const reads = paths.map((path) => ({ method: 'GET', path }));
  const write = {
    method: 'PUT',
    path: `/trails/${trailId}/items/${itemId}/progress`,
    // A request's own headers replace the load's (autocannon): the cookie goes here too.
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'IN_PROGRESS', progress_value: 30 }),
  };
  return [...reads, write];
}

// Rounds of A then B, or B then A (alternating), each `seconds` long; ratios per round.
async function alternate(label, a, b) {
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [a, b] : [b, a];
    const figures = {};
    for (const side of order) {
      const before = cpuOf(side.pid);
      const database = cpuOf(pg.pid);
      figures[side.name] = await side.run();
      figures[side.name].cpu = cpuMs(before, cpuOf(side.pid), database, cpuOf(pg.pid));
    }
    rows.push(figures);
    const ratio = figures[b.name].rps / figures[a.name].rps;
    const bad = (f) => f.errors + f.non2xx;
    console.error(
      `${label} round ${round + 1}/${rounds}: ${a.name} ${figures[a.name].rps.toFixed(0)} req/s (${bad(figures[a.name])} bad), ${b.name} ${figures[b.name].rps.toFixed(0)} req/s (${bad(figures[b.name])} bad), ratio ${ratio.toFixed(3)}`,
    );
  }
  const total = (name) => rows.reduce((n, r) => n + r[name].requests, 0);
  const cpuPerRequest = (name, part) =>
    rows.reduce((n, r) => n + r[name].cpu[part], 0) / Math.max(1, total(name));
  const ratios = rows.map((r) => r[b.name].rps / r[a.name].rps);
  const errors = rows.reduce((n, r) => n + r[a.name].errors + r[b.name].errors, 0);
  const non2xx = rows.reduce((n, r) => n + r[a.name].non2xx + r[b.name].non2xx, 0);
  return {
    label,
    a: a.name,
    b: b.name,
    aRequests: total(a.name),
    bRequests: total(b.name),
    ratioOfTotals: total(b.name) / total(a.name),
    medianRatio: quantile(ratios, 0.5),
    errors,
    non2xx,
    cpu: [a.name, b.name].map(
      (name) =>
        `${name}: API ${cpuPerRequest(name, 'api').toFixed(3)} + PostgreSQL ${cpuPerRequest(name, 'db').toFixed(3)} ms`,
    ),
  };
}

// CPU ms of the API process and of the whole PostgreSQL (postmaster and its backends).
function cpuMs(apiBefore, apiAfter, dbBefore, dbAfter) {
  if (!apiBefore || !apiAfter || !dbBefore || !dbAfter) return { api: 0, db: 0 };
  const all = (c) => c.node + c.db;
  return { api: apiAfter.node - apiBefore.node, db: all(dbAfter) - all(dbBefore) };
}

const started = Date.now();
// The database belongs to neither API (both pay the same for it), with statement statistics
// as the embedded target keeps them.
const seeded = await startConnectedDatabase({
  max: 1,
  fixture,
  settings: STATEMENT_STATISTICS_SETTINGS,
});
await seeded.close();
const { pg } = seeded;
// One secret for both, so that one session works on either.
const secrets = { JWT_SECRET: randomBytes(24).toString('hex') };
const tagged = await startRotaApi({ databaseUrl: pg.url, env: secrets });
const plain = await startRotaApi({
  databaseUrl: pg.url,
  env: { ...secrets, ROTA_API_TAG_STATEMENTS: 'false' },
});
console.error(`two APIs on one database (${fixture} fixture) in ${Date.now() - started} ms`);
const loadBefore = loadavg();
try {
  const auth = await session(tagged.url);
  const requests = await requestsFor(tagged.url, auth);
  const loadOf = (url) => () =>
    load({ url, connections, duration: seconds, headers: { cookie: auth.cookie }, requests });
  // Warm both: prepared statements, JIT, the database's caches.
  await loadOf(tagged.url)();
  await loadOf(plain.url)();
  const tags = await alternate(
    'route tags',
    { name: 'tags off', pid: plain.pid, run: loadOf(plain.url) },
    { name: 'tags on', pid: tagged.pid, run: loadOf(tagged.url) },
  );
  const sampling = await alternate(
    'insights',
    { name: 'no insights', pid: tagged.pid, run: loadOf(tagged.url) },
    {
      name: 'insights',
      pid: tagged.pid,
      run: async () => {
        const insights = await startDatabaseInsights({ url: pg.url, embedded: true });
        if (insights.missing.length > 0) throw new Error(insights.missing.join('; '));
        const result = await loadOf(tagged.url)();
        const doc = await insights.stop();
        result.rounds = doc.waits.summary?.rounds ?? 0;
        return result;
      },
    },
  );
  const line = (r) =>
    `| ${r.label} | ${r.a}: ${r.aRequests} | ${r.b}: ${r.bRequests} | ${r.ratioOfTotals.toFixed(3)} | ${r.medianRatio.toFixed(3)} | ${r.errors + r.non2xx} |`;
  console.log(
    [
      `Date: ${new Date().toISOString()}`,
      `Command: pnpm --filter @rota-perf/rota-api bench:insights (ROUNDS=${rounds}, ROUND_SECONDS=${seconds}, BENCH_CONNECTIONS=${connections}, BENCH_FIXTURE=${fixture})`,
      `Load: the endpoint benchmark's 15 GET endpoints and PUT progress, round-robin, closed loop (autocannon, ${connections} connections)`,
      '',
      '| what is compared | requests without | requests with | ratio of totals (with/without) | median of round ratios | errors + non-2xx |',
      '|---|---|---|---|---|---|',
      line(tags),
      line(sampling),
      '',
      `CPU per request, route tags: ${tags.cpu.join('; ')}`,
      // The insights connection's backend exits at the end of each run, taking its CPU out of
      // the process tree: PostgreSQL's figure is left out there.
      `CPU per request, insights: ${sampling.cpu.map((c) => c.replace(/ \+ PostgreSQL .*/, '')).join('; ')}`,
      '',
      `Load average before: ${loadBefore}; after: ${loadavg()}`,
    ].join('\n'),
  );
} finally {
  await plain.stop();
  await tagged.stop();
  await pg.stop();
}
