#!/usr/bin/env node
// `pnpm --filter @rota-perf/cli bench:compare [-- --reps 10]`: how often `rota-perf compare`
// is wrong, on the embedded target.
//   A/A: two runs of the same build against the same reference API → every endpoint should be
//        "no significant change" (the issue asks for ≥ 9 of 10 repetitions).
//   A/B: the same API with ONE route slowed by 30 % of its measured mean latency
//        (ROTA_API_DELAY) → that endpoint "slower", no other endpoint flagged (10 of 10).
// The three runs of a repetition run AT THE SAME TIME, each against its own reference API over
// its own embedded PostgreSQL (two plain, one with the delay): on a shared machine the load of
// other processes changes from minute to minute, and runs made one after the other would
// measure that change, not the build (sequential runs on a machine at load 15–30 differed by
// 80 % on every endpoint). Concurrent runs see the same machine.
// Short runs so the whole experiment fits in about 15 minutes on an idle machine:
// TEST_DURATION=20s, warm-up 3s, cool-down and ramp-down 1s (the documented defaults are
// minutes), TARGET_RPS=2 per read endpoint (--rps; the documented 5 saturates a shared 2-core
// machine). Options: --reps n, --endpoint, --route, --slowdown 0.3, --rps, --keep. Two reference APIs over
// embedded PostgreSQL (`rota-perf serve`) serve every run, so a run does not pay a database
// start; compare gets --allow-different-target (the servers' URLs differ, their fixture does
// not). Build first: pnpm build --filter @rota-perf/cli...
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const reps = Number(arg('reps', '10'));
const endpoint = arg('endpoint', 'GET /trails/:id'); // the k6 request name
const route = arg('route', 'GET /trails/:trailId'); // the same route as the API tags it
const slowdown = Number(arg('slowdown', '0.3'));
// Per read endpoint; the documented 5 saturates a shared 2-core machine (seconds of queueing).
const rps = arg('rps', '2');
const keep = process.argv.includes('--keep');
const bin = fileURLToPath(new URL('../dist/bin/rota-perf.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rota-perf-compare-aa-'));
const RUN = [
  ['TARGET_RPS', rps],
  ['TEST_DURATION', '20s'],
  ['WARMUP_DURATION', '3s'],
  ['COOLDOWN_DURATION', '1s'],
  ['RAMP_DOWN_DURATION', '1s'],
].flatMap(([k, v]) => ['-e', `${k}=${v}`]);
const out = (line = '') => process.stdout.write(`${line}\n`);
const children = new Set();
// Ctrl-C or SIGTERM: stop the servers (they stop their databases) and the runs, then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(130), 3000);
  });
}

function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stderr });
    });
  });
}

/** Starts `rota-perf serve` (embedded PostgreSQL + API); resolves when it prints its URL. */
function serve(env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let text = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error('serve did not start in 120 s')), 120_000);
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.stdout.on('data', (c) => {
      text += c;
      const url = /listening on (\S+)/.exec(text)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}: ${stderr.trim()}`));
    });
  });
}

async function bench(url, folder) {
  const result = await run([
    'bench',
    'performance',
    '--base-url',
    url,
    '--out',
    folder,
    '-q',
    '--no-report',
    ...RUN,
  ]);
  if (result.code !== 0 && result.code !== 99) {
    throw new Error(`bench exited ${result.code}: ${result.stderr.trim().split('\n').at(-1)}`);
  }
}

async function compare(a, b, folder, extra = []) {
  const result = await run(['compare', a, b, '--out', folder, ...extra]);
  if (result.code !== 0 && result.code !== 99) {
    throw new Error(`compare exited ${result.code}: ${result.stderr.trim()}`);
  }
  return JSON.parse(readFileSync(join(folder, 'comparison.json'), 'utf8'));
}

function meanLatency(folder) {
  const results = JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8'));
  const entry = results.endpoints.find((e) => e.label === endpoint || e.endpoint === endpoint);
  if (!entry?.avg_ms) throw new Error(`${endpoint}: no mean latency in ${folder}/results.json`);
  return entry.avg_ms;
}

const flagged = (comparison) =>
  comparison.rows.filter((r) => r.verdict === 'slower' || r.verdict === 'faster');

const started = Date.now();
const load = loadavg().map((l) => l.toFixed(2));
out(`compare A/A + A/B: ${reps} repetitions, ${RUN.filter((_, i) => i % 2).join(' ')}`);
out(
  `load average at start: ${load.join(' ')} (${process.env.HOSTNAME ?? ''} ${new Date().toISOString()})`,
);
try {
  const [plainA, plainB] = [await serve(), await serve()];
  // Calibration: warms the servers and measures the endpoint's mean latency.
  await Promise.all([
    bench(plainA.url, join(dir, 'calibration-a')),
    bench(plainB.url, join(dir, 'calibration-b')),
  ]);
  const mean = meanLatency(join(dir, 'calibration-a'));
  const delayMs = Math.max(0.1, Math.round(mean * slowdown * 10) / 10);
  out(
    `${endpoint}: mean ${mean.toFixed(2)} ms → ${route} delayed by ${delayMs} ms (${slowdown * 100}%)`,
  );
  const delayed = await serve({ ROTA_API_DELAY: `${route}=${delayMs}ms` });
  await bench(delayed.url, join(dir, 'calibration-delayed'));

  let aaClean = 0;
  let caught = 0;
  let caughtAlone = 0;
  const aaFlags = [];
  let aaRows = 0;
  const allowed = ['--allow-different-target'];
  for (let i = 0; i < reps; i++) {
    const [a, b, c] = ['a', 'b', 'c'].map((s) => join(dir, `${i}-${s}`));
    await Promise.all([bench(plainA.url, a), bench(plainB.url, b), bench(delayed.url, c)]);
    const aa = await compare(a, b, join(dir, `${i}-aa`), allowed);
    const ab = await compare(a, c, join(dir, `${i}-ab`), allowed);
    const aaFlagged = flagged(aa);
    const target = ab.rows.find((r) => r.name === endpoint);
    const others = flagged(ab).filter((r) => r.name !== endpoint);
    aaRows += aa.rows.length;
    if (aaFlagged.length === 0) aaClean++;
    aaFlags.push(...aaFlagged.map((r) => `${r.name} ${r.verdict}`));
    if (target?.verdict === 'slower') caught++;
    if (target?.verdict === 'slower' && others.length === 0) caughtAlone++;
    const p = (r) => (r?.p50_ms.p_value == null ? '' : `, p ${r.p50_ms.p_value.toPrecision(2)}`);
    const pct = (r) =>
      r?.p50_ms.relative_change == null ? 'n/a' : `${(r.p50_ms.relative_change * 100).toFixed(1)}%`;
    const list = (rows) => rows.map((r) => `${r.name} (${r.verdict}, p50 ${pct(r)})`).join(', ');
    out(
      `rep ${i + 1}: A/A ${aaFlagged.length === 0 ? 'no change' : `flagged ${list(aaFlagged)}`}` +
        ` | A/B ${endpoint} ${target?.verdict ?? 'missing'} (p50 ${pct(target)}${p(target)})` +
        `${others.length ? `, also flagged ${list(others)}` : ''}` +
        ` | load ${loadavg()[0].toFixed(1)} | ${Math.round((Date.now() - started) / 1000)} s`,
    );
    if (!keep) for (const f of [a, b, c]) rmSync(f, { recursive: true, force: true });
  }
  out();
  out(
    `A/A: ${aaClean}/${reps} repetitions with every endpoint "no significant change" (need ≥ ${Math.ceil(reps * 0.9)})`,
  );
  out(
    `A/A false positives: ${aaFlags.length} of ${aaRows} endpoint comparisons${aaFlags.length ? ` (${aaFlags.join('; ')})` : ''}`,
  );
  out(
    `A/B: ${endpoint} +${slowdown * 100}% caught ${caught}/${reps}, with no other endpoint flagged ${caughtAlone}/${reps}`,
  );
  out(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${Math.round((Date.now() - started) / 1000)} s`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  // serve stops its database on SIGTERM; give it a moment before removing the folders.
  await new Promise((r) => setTimeout(r, 3000));
  if (keep) out(`kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
