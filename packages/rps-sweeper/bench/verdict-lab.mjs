// Systems with known answers for the sweep verdicts, shared by src/verdicts.e2e.test.ts and
// bench/verdicts.mjs: the fixed-capacity server (the system is the limit), node-runner runs of a
// sweep plan, and a CPU burner pinned with the generator to one core (the generator is the
// limit). It runs plans and returns their summary data; planning and judging stay with the
// caller (the tests use the sources, the benchmark the build).
import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const runnerBin = join(
  dirname(require.resolve('@rota-perf/node-runner/package.json')),
  'dist/bin/k6-node.js',
);

/** summaryTrendStats of the sweep scripts (avg for Little's law, p(95) for the verdicts). */
const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

/** The failure rate a lab level may have. */
export const LAB_TOLERANCE = 0.01;

/**
 * The planSweep input of a lab run: no warm-up, a 1 s pause between levels (none for a single
 * level), every VU initialised up front (drops then come from the pool running dry, not from
 * VU start-up), and the scenario and iteration names of the lab's script.
 */
export function labSweepInput({ min, max, step, seconds, vus }) {
  return {
    min,
    max,
    step,
    warmup: 0,
    stepDuration: seconds,
    pause: min === max ? 0 : 1,
    tolerance: LAB_TOLERANCE,
    preAllocatedVUs: vus,
    maxVUs: vus,
    scenarioPrefix: 'probe',
    exec: 'probe_iteration',
    gracefulStop: '2s',
    generatorMetrics: true,
    names: { maxVUs: 'MAX_VUS', preAllocatedVUs: 'PRE_ALLOCATED_VUS' },
  };
}

/** Starts bench/fixed-capacity-server.mjs; resolves once it listens. */
export function startFixedCapacityServer({ slots, serviceMs }) {
  const child = spawn(
    process.execPath,
    [
      join(here, 'fixed-capacity-server.mjs'),
      '--slots',
      String(slots),
      '--service-ms',
      String(serviceMs),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the fixed-capacity server did not start within 10 s'));
    }, 10_000);
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const url = m[1];
      resolve({
        url,
        /** What the server measured: `capacity_rps` from the real slot hold times. */
        stats: async () => (await fetch(`${url}/stats`)).json(),
        stop: () => stopChild(child),
      });
    });
  });
}

/** The k6 script of a sweep plan: one GET per iteration, then `burnMs` of CPU on the VU's thread. */
export function sweepScript(plan, { burnMs = 0 } = {}) {
  const options = {
    scenarios: plan.scenarios,
    thresholds: plan.thresholds,
    summaryTrendStats: TREND_STATS,
  };
  return `import http from 'k6/http';
export const options = ${JSON.stringify(options)};
export async function probe_iteration() {
  await http.asyncRequest('GET', __ENV.BASE_URL + '/work');
  const until = Date.now() + ${burnMs};
  while (Date.now() < until) {
    // The script's own CPU cost: what a heavy k6 script puts on its generator.
  }
}
export function handleSummary(data) {
  return { 'summary.json': JSON.stringify(data) };
}
`;
}

let scripts = 0;

/**
 * Runs a sweep plan with node-runner's bin against `baseUrl` and returns its summary data;
 * `pinCpu` runs it under `taskset -c <cpu>` (the generator confined to that core).
 */
export async function runPlan(plan, { baseUrl, dir, burnMs = 0, pinCpu = null }) {
  const name = `sweep-${++scripts}.js`;
  await writeFile(join(dir, name), sweepScript(plan, { burnMs }));
  const node = [runnerBin, 'run', '-q', '-e', `BASE_URL=${baseUrl}`, name];
  const [command, args] =
    pinCpu === null
      ? [process.execPath, node]
      : ['taskset', ['-c', String(pinCpu), process.execPath, ...node]];
  const limitMs = (plan.totalSeconds + plan.gracefulStopSeconds + 30) * 1000;
  const code = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve(exit);
    });
  });
  if (code !== 0) throw new Error(`node-runner exited with ${code} running ${name}`);
  return JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'));
}

/** True when `taskset` (util-linux) can pin processes to a core here. */
export function canPin() {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/**
 * A process that keeps one core busy for at most `limitMs` (pinned to `cpu` when given): a
 * sibling that takes half of the core from a generator pinned beside it.
 */
export function startCpuBurner({ cpu = null, limitMs = 120_000 } = {}) {
  const burn = `const end = Date.now() + ${limitMs}; while (Date.now() < end) {}`;
  const node = ['-e', burn];
  const child =
    cpu === null
      ? spawn(process.execPath, node, { stdio: 'ignore' })
      : spawn('taskset', ['-c', String(cpu), process.execPath, ...node], { stdio: 'ignore' });
  return { stop: () => stopChild(child) };
}

function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  });
}
