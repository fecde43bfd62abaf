// Benchmarks of the Node runner (figures for docs/benchmarks.md, section node-runner):
//   throughput vs autocannon -c 50, arrival-rate accuracy, memory over many requests.
// Usage: pnpm --filter @rota-perf/node-runner bench [throughput|accuracy|memory]...
// Env: BENCH_DURATION (default 10s), BENCH_RATE (2000), BENCH_MEM_REQUESTS (1000000),
//      BENCH_ROUNDS (throughput rounds, 2).
import { fork, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '../dist/bin/k6-node.js');
const duration = process.env.BENCH_DURATION || '10s';
const seconds = Number.parseInt(duration, 10);
const wanted = process.argv.slice(2);
const should = (name) => wanted.length === 0 || wanted.includes(name);

function startServer() {
  const child = fork(resolve(here, 'server.mjs'), { stdio: 'inherit' });
  return new Promise((ok) =>
    child.once('message', (m) =>
      ok({ base: `http://127.0.0.1:${m.port}/`, stop: () => child.kill() }),
    ),
  );
}

function runScript(script, env) {
  return new Promise((ok, fail) => {
    const args = [bin, 'run', '--quiet'];
    for (const [k, v] of Object.entries(env)) args.push('-e', `${k}=${v}`);
    args.push(resolve(here, 'scripts', script));
    const started = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr, wallMs: Date.now() - started }));
  });
}

function metricLine(text, name) {
  return text.split('\n').find((l) => l.trimStart().startsWith(`${name}.`)) ?? '';
}

const report = { date: new Date().toISOString(), node: process.version, loadavg: loadavg() };
const server = await startServer();
try {
  if (should('throughput')) {
    // Alternate the two tools so both see the same (shared, noisy) machine.
    const rounds = [];
    for (let i = 0; i < Number(process.env.BENCH_ROUNDS || 2); i++) {
      // The 1-minute load average before each tool runs: the machine is shared.
      const loadBeforeAutocannon = loadavg()[0];
      const ac = await autocannon({ url: server.base, connections: 50, duration: seconds });
      const loadBeforeRunner = loadavg()[0];
      const ours = await runScript('throughput.js', { BASE: server.base, DURATION: duration });
      const m = /http_reqs\.*: (\d+)\s+([\d.]+)\/s/.exec(ours.stdout);
      const rps = m ? Number(m[2]) : Number.NaN;
      rounds.push({
        loadBeforeAutocannon,
        autocannonRps: ac.requests.average,
        loadBeforeRunner,
        runnerRps: rps,
        ratio: rps / ac.requests.average,
      });
    }
    const sum = (k) => rounds.reduce((a, r) => a + r[k], 0);
    report.throughput = { rounds, ratioOfTotals: sum('runnerRps') / sum('autocannonRps') };
    console.log('throughput', report.throughput);
  }
  for (const mode of ['accuracy', 'accuracy-http']) {
    if (!should(mode)) continue;
    const rate = Number(process.env.BENCH_RATE || 2000);
    const http = mode === 'accuracy-http' ? '1' : '0';
    const ours = await runScript('accuracy.js', {
      BASE: server.base,
      RATE: rate,
      DURATION: duration,
      HTTP: http,
    });
    const iters = /^\s+iterations\.*: (\d+)/m.exec(ours.stdout);
    const within = /start_within_5ms\.*: ([\d.]+)%/.exec(ours.stdout);
    const planned = rate * seconds + 1;
    report[mode] = {
      planned,
      started: iters ? Number(iters[1]) : Number.NaN,
      achievedVsTarget: iters ? Number(iters[1]) / planned : Number.NaN,
      startsWithin5ms: within ? Number(within[1]) / 100 : Number.NaN,
      lag: metricLine(ours.stdout, 'start_lag_ms').trim(),
      dropped: metricLine(ours.stdout, 'dropped_iterations').trim(),
    };
    console.log(mode, report[mode]);
  }
  if (should('memory')) {
    const requests = Number(process.env.BENCH_MEM_REQUESTS || 1_000_000);
    const ours = await runScript('memory.js', { BASE: server.base, REQUESTS: requests });
    const rss = [...ours.stderr.matchAll(/RSS (\d+) (\d+)/g)].map((x) => ({
      after: Number(x[1]),
      rssMb: Number(x[2]) / 1e6,
    }));
    report.memory = {
      requests,
      rss,
      growthMb: rss.length === 2 ? rss[1].rssMb - rss[0].rssMb : Number.NaN,
      wallSeconds: ours.wallMs / 1000,
    };
    console.log('memory', report.memory);
  }
} finally {
  server.stop();
}
console.log(JSON.stringify(report, null, 2));
