// Benchmarks of the Node runner (figures for docs/benchmarks.md, section node-runner):
//   throughput vs autocannon -c 50, arrival-rate accuracy, memory over many requests, the
//   cost of the per-second series.
// Usage: pnpm --filter @rota-perf/node-runner bench
//          [throughput|worker-overhead|series-overhead|accuracy|memory]...
// Env: BENCH_DURATION (default 10s), BENCH_RATE (2000), BENCH_MEM_REQUESTS (1000000),
//      BENCH_MEM_SERIES (1: the memory run records the series, 0: it does not),
//      BENCH_ROUNDS (throughput rounds, 2), BENCH_BIN (another build's dist/bin/k6-node.js,
//      e.g. to profile the code before a change).
import { execFile, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.env.BENCH_BIN || resolve(here, '../dist/bin/k6-node.js');
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

const autocannonBin = resolve(
  dirname(createRequire(import.meta.url).resolve('autocannon/package.json')),
  'autocannon.js',
);

/** CPU seconds (user + system) of this process's children that have exited (/proc cutime+cstime). */
function childCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of /proc/<pid>/stat (cutime, cstime), in clock ticks (100 per second).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const execFileAsync = promisify(execFile);

/**
 * Runs a node child process to its end; returns its stdout/stderr, wall time and CPU time. A
 * child that fails (none of the bench scripts has thresholds) ends the bench with its stderr.
 */
async function runChild(args) {
  const cpu0 = childCpuSeconds();
  const started = Date.now();
  const { stdout, stderr } = await execFileAsync(process.execPath, args, {
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, stderr, wallMs: Date.now() - started, cpuSeconds: childCpuSeconds() - cpu0 };
}

function runScript(script, env, options = []) {
  const args = [bin, 'run', '--quiet', ...options];
  for (const [k, v] of Object.entries(env)) args.push('-e', `${k}=${v}`);
  args.push(resolve(here, 'scripts', script));
  return runChild(args);
}

/** The runner's `http_reqs` line: requests made, requests per second, and CPU µs per request. */
function httpReqs(out) {
  const m = /http_reqs\.*: (\d+)\s+([\d.]+)\/s/.exec(out.stdout);
  if (!m) return { requests: Number.NaN, rps: Number.NaN, cpuUsPerRequest: Number.NaN };
  const requests = Number(m[1]);
  return { requests, rps: Number(m[2]), cpuUsPerRequest: (out.cpuSeconds * 1e6) / requests };
}

/** Rounded to 0.1, as the report shows CPU µs per request. */
const tenths = (x) => Math.round(x * 10) / 10;

function metricLine(text, name) {
  return text.split('\n').find((l) => l.trimStart().startsWith(`${name}.`)) ?? '';
}

const report = { date: new Date().toISOString(), node: process.version, loadavg: loadavg() };
const server = await startServer();
try {
  if (should('throughput')) {
    // Alternate the two tools so both see the same (shared, noisy) machine. Besides requests
    // per second, each tool's CPU time per request (its process's user + system time over the
    // requests it completed) is a figure other load on the machine disturbs much less.
    const rounds = [];
    for (let i = 0; i < Number(process.env.BENCH_ROUNDS || 2); i++) {
      // The 1-minute load average before each tool runs: the machine is shared.
      const loadBeforeAutocannon = loadavg()[0];
      const ac = await runChild([
        autocannonBin,
        '-c',
        '50',
        '-d',
        String(seconds),
        '-j',
        server.base,
      ]);
      const acJson = JSON.parse(ac.stdout);
      const loadBeforeRunner = loadavg()[0];
      const ours = httpReqs(
        await runScript('throughput.js', { BASE: server.base, DURATION: duration }),
      );
      const autocannonCpuUsPerRequest = (ac.cpuSeconds * 1e6) / acJson.requests.total;
      rounds.push({
        loadBeforeAutocannon,
        autocannonRps: acJson.requests.average,
        autocannonCpuUsPerRequest: tenths(autocannonCpuUsPerRequest),
        loadBeforeRunner,
        runnerRps: ours.rps,
        runnerCpuUsPerRequest: tenths(ours.cpuUsPerRequest),
        ratio: ours.rps / acJson.requests.average,
        cpuRatio: autocannonCpuUsPerRequest / ours.cpuUsPerRequest,
      });
    }
    const sum = (k) => rounds.reduce((a, r) => a + r[k], 0);
    report.throughput = {
      rounds,
      ratioOfTotals: sum('runnerRps') / sum('autocannonRps'),
      // autocannon's CPU per request over the runner's: the throughput ratio a run would show
      // if both tools, not the server, were the limit.
      cpuRatioOfTotals: sum('autocannonCpuUsPerRequest') / sum('runnerCpuUsPerRequest'),
    };
    console.log('throughput', report.throughput);
  }
  if (wanted.includes('profile')) {
    // The throughput script under `node --cpu-prof`; prints where the engine thread's time
    // went (self time by origin and by function, bench/profile-top.mjs). Only when asked for.
    const dir = mkdtempSync(join(tmpdir(), 'k6node-profile-'));
    try {
      const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, bin, 'run', '--quiet'];
      args.push('-e', `BASE=${server.base}`, '-e', `DURATION=${duration}`);
      const out = await runChild([...args, resolve(here, 'scripts', 'throughput.js')]);
      console.log(`profile: ${httpReqs(out).rps} req/s, load average ${loadavg()[0]}`);
      // One profile per thread; the engine's (the busiest) is the largest.
      const files = readdirSync(dir).map((f) => join(dir, f));
      const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
      const top = await runChild([resolve(here, 'profile-top.mjs'), largest, '30']);
      console.log(top.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (should('worker-overhead')) {
    // The same throughput script with the engine in a worker thread (the k6-node bin) and in
    // the main thread (bench/in-thread.mjs), alternating: what the supervisor costs.
    const rounds = [];
    const script = resolve(here, 'scripts', 'throughput.js');
    for (let i = 0; i < Number(process.env.BENCH_ROUNDS || 2); i++) {
      for (const where of ['worker', 'main thread']) {
        const load = loadavg()[0];
        const env = { BASE: server.base, DURATION: duration };
        const out =
          where === 'worker'
            ? await runScript('throughput.js', env)
            : await runChild([
                resolve(here, 'in-thread.mjs'),
                script,
                ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
              ]);
        const { rps, cpuUsPerRequest } = httpReqs(out);
        rounds.push({ engine: where, load, rps, cpuUsPerRequest: tenths(cpuUsPerRequest) });
      }
    }
    report.workerOverhead = rounds;
    console.log('worker-overhead', rounds);
  }
  if (should('series-overhead')) {
    // The throughput script with and without `--series`, alternating against the same server:
    // what recording the per-second series costs (goal: >= 95 % of the throughput without).
    const dir = mkdtempSync(join(tmpdir(), 'k6node-series-'));
    const rounds = [];
    try {
      for (let i = 0; i < Number(process.env.BENCH_ROUNDS || 2); i++) {
        // Off/on, then on/off: a trend in the machine's load does not favour one side.
        for (const series of i % 2 === 0 ? [false, true] : [true, false]) {
          const load = loadavg()[0];
          const env = { BASE: server.base, DURATION: duration };
          const options = series ? ['--series', join(dir, `series-${i}.json`)] : [];
          const out = await runScript('throughput.js', env, options);
          const { rps, cpuUsPerRequest } = httpReqs(out);
          rounds.push({ round: i, series, load, rps, cpuUsPerRequest: tenths(cpuUsPerRequest) });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const total = (on, key) =>
      rounds.filter((r) => r.series === on).reduce((a, r) => a + r[key], 0);
    // Each round's on/off ratio; the median is what a burst of other load in one run moves least.
    const perRound = [...new Set(rounds.map((r) => r.round))].map((i) => {
      const [on, off] = [true, false].map((v) =>
        rounds.find((r) => r.round === i && r.series === v),
      );
      return on.rps / off.rps;
    });
    const sorted = [...perRound].sort((a, b) => a - b);
    report.seriesOverhead = {
      rounds,
      // Requests/s with the series over requests/s without, summed over the rounds.
      rpsRatio: total(true, 'rps') / total(false, 'rps'),
      medianRoundRatio:
        (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) /
        2,
      // CPU per request without over with: the same ratio if the runner were the limit.
      cpuRatio: total(false, 'cpuUsPerRequest') / total(true, 'cpuUsPerRequest'),
    };
    console.log('series-overhead', report.seriesOverhead);
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
    // With the per-second series recorded (as rota-perf runs it), unless BENCH_MEM_SERIES=0.
    const series = process.env.BENCH_MEM_SERIES !== '0';
    const dir = mkdtempSync(join(tmpdir(), 'k6node-memory-'));
    const seriesFile = join(dir, 'series.json');
    let ours;
    let seriesRequests = null;
    try {
      ours = await runScript(
        'memory.js',
        { BASE: server.base, REQUESTS: requests },
        series ? ['--series', seriesFile] : [],
      );
      if (series) {
        const rows = JSON.parse(readFileSync(seriesFile, 'utf8')).requests;
        seriesRequests = rows.reduce((a, r) => a + r.requests, 0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const rss = [...ours.stderr.matchAll(/RSS (\d+) (\d+)/g)].map((x) => ({
      after: Number(x[1]),
      rssMb: Number(x[2]) / 1e6,
    }));
    report.memory = {
      requests,
      series,
      // The series' request count: it must equal the requests made.
      seriesRequests,
      loadavg: loadavg(),
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
