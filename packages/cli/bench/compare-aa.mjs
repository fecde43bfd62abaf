#!/usr/bin/env node
// `pnpm --filter @rota-perf/cli bench:compare [-- --reps 10]`: how often `rota-perf compare`
// is wrong, on the embedded target at the default settings, runs made one after the other as a
// CI job makes them.
//   A/A: two runs of the same build → every endpoint "no significant change" (the issue asks
//        for ≥ 9 of 10 repetitions).
//   A/B: the same build with ONE route slowed by 30 % of its mean latency (ROTA_API_DELAY, the
//        mean measured in the run before) → that endpoint "slower" and no other flagged (10/10).
// The runs form a chain A0 B0 A1 B1 … A(n): repetition i compares A(i) with A(i+1) (A/A, a B
// run between them) and A(i) with B(i) (A/B). Every run is `rota-perf bench` as a user types it:
// its own reference API over its own embedded PostgreSQL, the documented defaults (warm-up 30s,
// plateau 1m at TARGET_RPS=5 per read endpoint, cool-down 30s, ramp-down 15s): about 2.5 minutes
// a run, 21 runs for 10 repetitions. Options: --reps n, --endpoint, --route, --slowdown 0.3,
// --short (15s plateau, for a quick look: not the figures the issue asks for), --keep.
// Build first: pnpm build --filter @rota-perf/cli...
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
const keep = process.argv.includes('--keep');
const short = process.argv.includes('--short');
const bin = fileURLToPath(new URL('../dist/bin/rota-perf.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rota-perf-compare-aa-'));
// The documented defaults unless --short.
const RUN = short
  ? [
      ['TEST_DURATION', '15s'],
      ['WARMUP_DURATION', '10s'],
      ['COOLDOWN_DURATION', '2s'],
      ['RAMP_DOWN_DURATION', '2s'],
    ].flatMap(([k, v]) => ['-e', `${k}=${v}`])
  : [];
const out = (line = '') => process.stdout.write(`${line}\n`);
const children = new Set();
// Ctrl-C or SIGTERM: stop the run (it stops its API and database), then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(130), 5000);
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

/** One `rota-perf bench` on its own embedded target; `env` reaches the reference API. */
async function bench(folder, env = {}) {
  const result = await run(
    ['bench', 'performance', '--out', folder, '-q', '--no-report', ...RUN],
    env,
  );
  if (result.code !== 0 && result.code !== 99) {
    throw new Error(`bench exited ${result.code}: ${result.stderr.trim().split('\n').at(-1)}`);
  }
}

async function compare(a, b, folder) {
  const result = await run(['compare', a, b, '--out', folder]);
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
const pct = (v) => (v == null ? 'n/a' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);
/** The row of the A/A comparison furthest from its peers: how close A/A came to a flag. */
function widest(comparison) {
  const rows = comparison.rows.filter((r) => r.p50_ms.relative_to_run !== null);
  const by = (r) => Math.abs(r.p50_ms.relative_to_run);
  const top = rows.reduce((a, r) => (a === null || by(r) > by(a) ? r : a), null);
  return top ? `${top.name} ${pct(top.p50_ms.relative_to_run)}` : 'n/a';
}

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
out(
  `compare A/A + A/B: ${reps} repetitions, ${short ? `short runs (${RUN.filter((_, i) => i % 2).join(' ')})` : 'the default settings'}, one run after the other`,
);
out(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (${new Date().toISOString()})`,
);
try {
  let previous = join(dir, 'a0');
  await bench(previous);
  let aaClean = 0;
  let caught = 0;
  let caughtAlone = 0;
  const aaFlags = [];
  let aaRows = 0;
  for (let i = 0; i < reps; i++) {
    const [b, next] = [join(dir, `b${i}`), join(dir, `a${i + 1}`)];
    const mean = meanLatency(previous);
    const delayMs = Math.max(0.1, Math.round(mean * slowdown * 10) / 10);
    await bench(b, { ROTA_API_DELAY: `${route}=${delayMs}ms` });
    await bench(next);
    const ab = await compare(previous, b, join(dir, `ab${i}`));
    const aa = await compare(previous, next, join(dir, `aa${i}`));
    const aaFlagged = flagged(aa);
    const target = ab.rows.find((r) => r.name === endpoint);
    const others = flagged(ab).filter((r) => r.name !== endpoint);
    aaRows += aa.rows.length;
    if (aaFlagged.length === 0) aaClean++;
    aaFlags.push(...aaFlagged.map((r) => `${r.name} ${r.verdict}`));
    if (target?.verdict === 'slower') caught++;
    if (target?.verdict === 'slower' && others.length === 0) caughtAlone++;
    const list = (rows) =>
      rows
        .map((r) => `${r.name} (${r.verdict}, p50 ${pct(r.p50_ms.relative_to_run)} vs run)`)
        .join(', ');
    out(
      `rep ${i + 1}: A/A ${aaFlagged.length === 0 ? 'no change' : `flagged ${list(aaFlagged)}`}` +
        ` (run drift ${pct(aa.run_shift.endpoint)}, widest ${widest(aa)})` +
        ` | A/B +${delayMs} ms: ${endpoint} ${target?.verdict ?? 'missing'}` +
        ` (p50 ${pct(target?.p50_ms.relative_change)} raw, ${pct(target?.p50_ms.relative_to_run)} vs run, drift ${pct(ab.run_shift.endpoint)})` +
        `${others.length ? `, also flagged ${list(others)}` : ''}` +
        ` | load ${loadavg()[0].toFixed(1)} | ${elapsed()}`,
    );
    if (!keep) for (const f of [previous, b]) rmSync(f, { recursive: true, force: true });
    previous = next;
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
      .join(' ')}; ${elapsed()}`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  if (keep) out(`kept: ${dir}`);
  else {
    // A run stops its database on SIGTERM; give it a moment before removing the folders.
    await new Promise((r) => setTimeout(r, children.size > 0 ? 5000 : 0));
    rmSync(dir, { recursive: true, force: true });
  }
}
