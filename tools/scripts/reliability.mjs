// `pnpm reliability`: the signal and process cases of issue 16 on loopback, bounded in time
// and count. Each case starts the built commands as a user would, interrupts or kills them,
// and counts what is left: processes of the run, and folders in /dev/shm and the temp folder.
// Prints one line per case and the totals; exits 1 when a case failed or left anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { apiCases } from './reliability/api-cases.mjs';
import { adaptiveProbeArgs, FIRST_LEVEL_JUDGED, SHORT_PHASES } from './short-runs.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${ROOT}packages/cli/dist/bin/rota-perf.js`;
const DB_BENCH = `${ROOT}packages/db-bench/dist/bin/db-bench.js`;
const K6_NODE = `${ROOT}packages/node-runner/dist/bin/k6-node.js`;
const FIXTURES = `${ROOT}packages/node-runner/src/test-support/fixtures`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the process table ----------------------------------------------------------------------
function readProcess(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return { pid, ppid: Number(fields[1]), state: fields[0], start: fields[19], cmdline };
  } catch {
    return null;
  }
}
function processes() {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readProcess(Number(n)))
    .filter((p) => p !== null);
}
function descendantsOf(root) {
  const all = processes();
  const found = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const p of all) {
      if (p.ppid !== parent) continue;
      found.push(p);
      queue.push(p.pid);
    }
  }
  return found;
}
function running(p) {
  const now = readProcess(p.pid);
  return now !== null && now.start === p.start && now.state !== 'Z';
}
async function survivors(started, graceMs) {
  const deadline = Date.now() + graceMs;
  let left = started.filter(running);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = left.filter(running);
  }
  return left;
}

// --- folders --------------------------------------------------------------------------------
const OURS = /^(rota-db-|rota-perf-|k6-scenarios-|k6node-|PostgreSQL\.)/;
function listing() {
  const names = new Set();
  for (const dir of ['/dev/shm', tmpdir()]) {
    try {
      for (const name of readdirSync(dir)) if (OURS.test(name)) names.add(`${dir}/${name}`);
    } catch {}
  }
  return names;
}
const NAMED_TEMP = new RegExp(
  `${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/rota-perf-[a-z]+-\\w+`,
  'g',
);
/**
 * Folders a running process uses (other runs on this machine): a postgres's data folder and
 * shared memory, a folder a command line names (a run's temporary summary-export folder,
 * named in its engine's arguments and its watchdog's): not leaks of ours.
 */
function inUse() {
  const used = new Set();
  for (const p of processes()) {
    const d = / -D (\S+)/.exec(p.cmdline);
    if (d) used.add(d[1]);
    for (const m of p.cmdline.matchAll(NAMED_TEMP)) used.add(m[0]);
    try {
      for (const line of readFileSync(`/proc/${p.pid}/maps`, 'utf8').split('\n'))
        if (line.includes('/dev/shm/')) used.add(line.slice(line.indexOf('/dev/shm/')).trim());
    } catch {}
  }
  return used;
}

// --- running a command ----------------------------------------------------------------------
const startedRuns = [];
function start(file, args, options = {}) {
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...process.env, BASE_URL: '', DATABASE_URL: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  startedRuns.push(child);
  const done = new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, done, output: () => output };
}
async function waitFor(run, pattern, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(run.output()) && Date.now() < deadline && run.child.exitCode === null)
    await sleep(100);
  if (!pattern.test(run.output())) throw new Error(`no ${pattern} within ${timeoutMs} ms`);
}
/** Runs k6-node on one of its test fixtures in a fresh folder (its summary files go there). */
async function k6node(fixture, args, onStart) {
  mkdirSync(OUT, { recursive: true });
  const cwd = mkdtempSync(`${OUT}/k6node-`);
  const run = start(process.execPath, [K6_NODE, 'run', '-q', ...args, `${FIXTURES}/${fixture}`], {
    cwd,
  });
  const startedAt = Date.now();
  const started = onStart ? await onStart(run) : [];
  const { code } = await run.done;
  return { code, output: run.output(), ms: Date.now() - startedAt, started };
}
function postgresOf(pid) {
  return descendantsOf(pid).find((p) => / -D \S+ -p \d+/.test(p.cmdline)) ?? null;
}

// --- the cases: { item, name, run } -> { ok, detail, started } -----------------------------
// `run: null` marks a case of another item still to be filled in (counted as pending).
const cases = [
  {
    item: 1,
    name: 'rota-perf bench (embedded target), SIGKILL mid-run',
    async run() {
      const run = start(process.execPath, [
        CLI,
        'bench',
        '-q',
        '--out',
        `${tmpdir()}/rota-perf-reliability`,
        '-e',
        'TEST_DURATION=2m',
        ...SHORT_PHASES,
      ]);
      await waitFor(run, /memory: sampling/, 150_000);
      await sleep(8000);
      const started = descendantsOf(run.child.pid);
      // The CLI's temporary summary-export folder, named in the engine process's arguments.
      const scratch = started
        .map((p) => /"summaryExport":"([^"]*\/rota-perf-run-[^"/]+)\//.exec(p.cmdline)?.[1])
        .find(Boolean);
      run.child.kill('SIGKILL');
      await run.done;
      // Its watchdog removes it once the engine's grace (5 s) is over.
      const deadline = Date.now() + 12_000;
      while (scratch && existsSync(scratch) && Date.now() < deadline) await sleep(200);
      const removed = scratch !== undefined && !existsSync(scratch);
      return {
        ok: removed,
        detail: `${started.length} processes, temp folder ${removed ? 'removed' : 'left'}`,
        started,
      };
    },
  },
  {
    item: 1,
    name: 'rota-perf bench, Ctrl-C in a terminal (SIGINT to the process group)',
    async run() {
      const out = `${OUT}/group`;
      const run = start(
        process.execPath,
        [CLI, 'bench', '-q', '--out', out, '-e', 'TEST_DURATION=2m', ...SHORT_PHASES],
        { detached: true },
      );
      await waitFor(run, /memory: sampling/, 150_000);
      await sleep(12_000);
      const started = descendantsOf(run.child.pid);
      process.kill(-run.child.pid, 'SIGINT');
      const { code } = await run.done;
      const partial = existsSync(`${out}/results.json`);
      const record = existsSync(`${out}/run.json`)
        ? JSON.parse(readFileSync(`${out}/run.json`, 'utf8'))
        : null;
      return {
        ok: code === 105 && partial && record?.interrupted === true,
        detail: `exit ${code}, results JSON ${partial ? 'written' : 'missing'}, run.json interrupted: ${record?.interrupted}`,
        started,
      };
    },
  },
  {
    item: 2,
    name: 'pnpm rota-perf serve, SIGTERM to pnpm',
    async run() {
      const run = start('pnpm', ['rota-perf', 'serve']);
      await waitFor(run, /Press Ctrl-C to stop/, 400_000);
      const started = descendantsOf(run.child.pid);
      run.child.kill('SIGTERM');
      await run.done;
      return { ok: true, detail: `${started.length} processes`, started };
    },
  },
  ...[0, 700, 1500, 2500, 4000].flatMap((delay) =>
    [false, true].map((toGroup) => ({
      item: 3,
      name: `db-bench, SIGINT to the ${toGroup ? 'process group' : 'process'} ${delay} ms after postgres started`,
      async run() {
        const run = start(
          process.execPath,
          [DB_BENCH, '--iterations', '1000000', '--warmup', '0'],
          {
            detached: true,
          },
        );
        let server = null;
        const deadline = Date.now() + 120_000;
        while (server === null && run.child.exitCode === null && Date.now() < deadline) {
          await sleep(20);
          server = postgresOf(run.child.pid);
        }
        await sleep(delay);
        const started = descendantsOf(run.child.pid);
        process.kill(toGroup ? -run.child.pid : run.child.pid, 'SIGINT');
        const { code } = await run.done;
        const trace = /\n\s+at |TypeError/.test(run.output());
        return {
          ok: code === 105 && !trace,
          detail: `exit ${code}${trace ? ', stack trace' : ''}`,
          started,
        };
      },
    })),
  ),
  // Item 10: every tool that takes a database URL tries a port that answers garbage once.
  ...[
    ['db-bench', [DB_BENCH, '--database-url', '{url}']],
    ['rota-perf serve', [CLI, 'serve', '--database-url', '{url}']],
    [
      'rota-perf bench',
      [CLI, 'bench', '--base-url', 'http://127.0.0.1:9', '--database-url', '{url}'],
    ],
  ].flatMap(([tool, argv]) =>
    ['http', 'bytes'].map((answer) => ({
      item: 10,
      name: `${tool} --database-url at a port answering ${answer} (connections, one line, exit 2)`,
      async run() {
        const { listenForeignServer } = await import(`${ROOT}packages/core/dist/node/index.js`);
        const server = await listenForeignServer(answer);
        try {
          const url = `postgres://perf:s3cret@127.0.0.1:${server.port}/rota`;
          const run = start(
            process.execPath,
            argv.map((a) => a.replace('{url}', url)),
          );
          const { code } = await run.done;
          const lines = run
            .output()
            .trim()
            .split('\n')
            .filter((l) => !/^serve: starting/.test(l));
          const named = lines.length === 1 && lines[0].includes('not the PostgreSQL protocol');
          const secret = run.output().includes('s3cret');
          return {
            ok: code === 2 && server.connections() === 1 && named && !secret,
            detail: `exit ${code}, ${server.connections()} connection(s), ${lines.length} line(s)${secret ? ', password shown' : ''}`,
            started: [],
          };
        } finally {
          await server.close();
        }
      },
    })),
  ),
  // Item 11: Ctrl-C during a probe level keeps what was measured, the cut level not judged.
  {
    item: 11,
    name: 'probe --adaptive, SIGINT mid-level: partial adaptive_probe_results.json, level interrupted',
    async run() {
      const out = `${OUT}/probe`;
      const run = start(process.execPath, [CLI, ...adaptiveProbeArgs(out)]);
      await waitFor(run, FIRST_LEVEL_JUDGED, 150_000);
      await sleep(2000);
      const started = descendantsOf(run.child.pid);
      run.child.kill('SIGINT');
      const { code } = await run.done;
      let runs = [];
      try {
        runs = JSON.parse(readFileSync(`${out}/adaptive_probe_results.json`, 'utf8')).runs;
      } catch {}
      const last = runs[runs.length - 1];
      const marked = last?.phase === 'interrupted' && last.passed === null;
      return {
        ok: code === 105 && marked,
        detail: `exit ${code}, runs ${runs.map((r) => `${r.phase}:${r.rate}:${r.passed}`).join(' ')}`,
        started,
      };
    },
  },
  {
    item: 5,
    name: 'k6-node: teardown() throws',
    async run() {
      const r = await k6node('script-errors.js', ['-e', 'THROW_IN_TEARDOWN=1']);
      return { ok: r.code === 107, detail: `exit ${r.code}`, started: r.started };
    },
  },
  {
    item: 5,
    name: 'k6-node: synchronous loop in a VU (1.5 s test, 0.5 s gracefulStop)',
    async run() {
      const r = await k6node('blocking.js', ['-e', 'BASE=http://127.0.0.1:9']);
      const ok = r.code === 0 && /did not return control/.test(r.output) && r.ms < 15_000;
      return { ok, detail: `exit ${r.code} after ${r.ms} ms`, started: r.started };
    },
  },
  {
    item: 5,
    name: 'k6-node: handleSummary outputs under /proc, SIGTERM mid-run',
    async run() {
      const r = await k6node(
        'summary-paths.js',
        ['-e', 'HOLD=1', '-e', 'BAD_1=/proc/a/b.json', '-e', 'BAD_2=/proc/self/fd/0'],
        async (run) => {
          await waitFor(run, /HOLDING/, 60_000);
          const started = descendantsOf(run.child.pid);
          run.child.kill('SIGTERM');
          return started;
        },
      );
      const lines = r.output.split('\n').filter((l) => l.includes('could not write')).length;
      return {
        ok: r.code === 105 && lines === 2 && r.ms < 20_000,
        detail: `exit ${r.code}, ${lines} error lines, ${r.ms} ms`,
        started: r.started,
      };
    },
  },
  {
    item: 5,
    name: 'k6-node: throws and rejections in timers are logged',
    async run() {
      const r = await k6node('script-errors.js', []);
      const logged = ['thrown in a timer', 'thrown in an async timer', 'rejected without a handler']
        .map((m) => new RegExp(`level=error msg="(Uncaught \\(in promise\\) )?Error: ${m}`))
        .filter((re) => re.test(r.output)).length;
      return {
        ok: r.code === 0 && logged === 3,
        detail: `exit ${r.code}, ${logged}/3 logged`,
        started: r.started,
      };
    },
  },
  {
    item: 5,
    name: 'k6-node: process.exit, process._kill, Node built-ins out of reach',
    async run() {
      const exit = await k6node('script-errors.js', []);
      const kill = await k6node('process-controls.js', []);
      const builtin = await k6node('node-builtin.js', []);
      const codes = [exit.code, kill.code, builtin.code];
      return {
        ok: codes.join() === '0,0,107' && /process\.exit\(\) is not available/.test(exit.output),
        detail: `exits ${codes.join(', ')}`,
        started: [],
      };
    },
  },
  // Item 11: outputs that cannot be written fail before the run, in one line, exit 2.
  ...[
    ['bench', ['bench', '--base-url', 'http://127.0.0.1:9', '--out', '/proc/rota-perf']],
    [
      'probe',
      ['probe', '--adaptive', '--base-url', 'http://127.0.0.1:9', '--out', '/proc/rota-perf'],
    ],
    ['db-bench', ['db-bench', '--json', '/proc/db.json']],
    ['serve --port -1', ['serve', '--port', '-1']],
  ].map(([what, argv]) => ({
    item: 11,
    name: `rota-perf ${what}: one line, exit 2, at once`,
    async run() {
      const begun = Date.now();
      const run = start(process.execPath, [CLI, ...argv]);
      const { code } = await run.done;
      const lines = run.output().trim().split('\n');
      return {
        ok: code === 2 && lines.length === 1 && Date.now() - begun < 30_000,
        detail: `exit ${code}: ${lines[0]}`,
        started: [],
      };
    },
  })),
  ...apiCases({ start, waitFor, descendantsOf }), // items 6–9, db-bench's rows changed
];

// `--item N` runs the cases of one item only.
const only = process.argv.includes('--item')
  ? Number(process.argv[process.argv.indexOf('--item') + 1])
  : null;
const OUT = `${tmpdir()}/rota-perf-reliability`;
const before = listing();
const startedAt = Date.now();
let failed = 0;
let orphans = 0;
let pending = 0;
const totals = { tried: 0, serverErrors: 0, crashes: 0, rowsChanged: 0 };
for (const c of cases) {
  if (only !== null && c.item !== only) continue;
  if (c.run === null) {
    pending++;
    console.log(`- item ${c.item}: ${c.name}: pending`);
    continue;
  }
  let outcome;
  try {
    outcome = await c.run();
  } catch (error) {
    outcome = { ok: false, detail: error.message, started: [] };
  }
  // A case that failed half-way must not leave its command running.
  for (const child of startedRuns.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    outcome.started.push(...descendantsOf(child.pid));
    child.kill('SIGTERM');
  }
  for (const k in totals) totals[k] += outcome[k] ?? (k === 'tried' ? 1 : 0);
  const left = await survivors(outcome.started, 4000);
  for (const p of left) process.kill(p.pid, 'SIGKILL'); // leave the machine clean regardless
  orphans += left.length;
  const ok = outcome.ok && left.length === 0;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok' : 'FAIL'} item ${c.item}: ${c.name}: ${outcome.detail}, ${left.length} left${left.length ? ` (${left.map((p) => p.cmdline.slice(0, 60)).join('; ')})` : ''}`,
  );
}
await sleep(2000);
rmSync(OUT, { recursive: true, force: true });
const used = inUse();
const leaked = [...listing()].filter((name) => !before.has(name) && !used.has(name));
console.log(
  `\ncases tried: ${totals.tried} (${pending} pending), failed: ${failed}, 500s: ${totals.serverErrors}, crashes: ${totals.crashes}, rows changed: ${totals.rowsChanged}, orphaned processes: ${orphans}, leaked folders: ${leaked.length}${leaked.length ? ` (${leaked.join(', ')})` : ''}, ${Math.round((Date.now() - startedAt) / 1000)} s`,
);
process.exitCode =
  failed > 0 ||
  orphans > 0 ||
  leaked.length > 0 ||
  totals.serverErrors + totals.crashes + totals.rowsChanged > 0
    ? 1
    : 0;
