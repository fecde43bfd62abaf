#!/usr/bin/env node
// Benchmark: the sampler's own cost. Measures, in one run against the same target process,
// (1) the CPU time per call of each way to read a known pid — the /proc path the monitor
// uses vs systeminformation's processes() and processLoad() — and (2) the CPU share of one
// core of a whole monitor run at the default interval with each source.
// CPU counts this process AND the children it waited for (`ps`, `sh`, `cat` spawned by
// systeminformation), from /proc/self/stat, so the comparison is fair. Linux only.
// Usage: node dist/bench/sampler-cost.js [--run-seconds <s>]   (default 20)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import si from 'systeminformation';
import { startMonitor } from '../monitor.js';
import { createProcfsSource, parseProcStat } from '../procfs.js';
import { createSystemInformationSource } from '../si-source.js';
import type { ProcessSource } from '../types.js';

const TICKS_PER_SECOND = 100;

/** CPU seconds of this process plus its reaped children. */
function cpuSeconds(): number {
  const self = process.cpuUsage();
  const text = readFileSync('/proc/self/stat', 'utf8');
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const childTicks = Number(rest[16 - 3]) + Number(rest[17 - 3]); // cutime + cstime
  return (self.user + self.system) / 1e6 + childTicks / TICKS_PER_SECOND;
}

async function measureCalls(calls: number, gapMs: number, call: () => Promise<unknown>) {
  let cpu = 0;
  let wall = 0;
  for (let i = 0; i < calls; i++) {
    const c0 = cpuSeconds();
    const w0 = performance.now();
    await call();
    wall += performance.now() - w0;
    cpu += cpuSeconds() - c0;
    if (gapMs > 0) await sleep(gapMs);
  }
  return { cpuMsPerCall: (cpu * 1000) / calls, wallMsPerCall: wall / calls };
}

async function measureRun(
  pid: number,
  source: ProcessSource,
  seconds: number,
  includeChildren: boolean,
) {
  const c0 = cpuSeconds();
  const w0 = performance.now();
  const monitor = startMonitor({
    pid,
    intervalSeconds: 0.5,
    durationSeconds: seconds,
    source,
    includeChildren,
  });
  const summary = await monitor.done;
  const cpu = cpuSeconds() - c0;
  const wall = (performance.now() - w0) / 1000;
  return {
    samples: summary.samples,
    cpuMsPerSample: (cpu * 1000) / Math.max(1, summary.samples),
    shareOfOneCorePercent: (cpu / wall) * 100,
  };
}

function runSeconds(): number {
  const i = process.argv.indexOf('--run-seconds');
  const value = i >= 0 ? Number(process.argv[i + 1]) : 20;
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--run-seconds ${process.argv[i + 1]} is invalid: expected seconds > 0\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    process.stderr.write('sampler-cost: needs Linux (/proc)\n');
    process.exit(2);
  }
  const seconds = runSeconds();
  // The target: an idle node process holding 64 MiB, bounded in time.
  const target = spawn(
    process.execPath,
    ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => b.length, 600000)'],
    { stdio: 'ignore' },
  );
  const pid = target.pid as number;
  await sleep(500);
  try {
    const procfs = createProcfsSource();
    const siSource = createSystemInformationSource();
    const processCount = (await procfs.listProcesses()).length;
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    console.log(`target pid ${pid} (${stat?.name}); ${processCount} processes on the machine`);
    // systeminformation caches processes()/processLoad() for 500 ms: space calls past that,
    // so every call does the real work, as it would at the default 0.5 s interval.
    const rows: Array<[string, { cpuMsPerCall: number; wallMsPerCall: number }]> = [
      // What the measuring itself costs (read /proc/self/stat twice per call): the floor.
      ['empty call (measurement overhead)', await measureCalls(500, 0, async () => {})],
      // Why procfs.ts reads synchronously: /proc files are generated in memory.
      [
        'readFileSync(/proc/<pid>/stat)',
        await measureCalls(500, 0, async () => readFileSync(`/proc/${pid}/stat`)),
      ],
      [
        'fs.promises.readFile(/proc/<pid>/stat)',
        await measureCalls(500, 0, () => readFile(`/proc/${pid}/stat`)),
      ],
      [
        'procfs readUsage([pid]) (monitor path)',
        await measureCalls(500, 0, () => procfs.readUsage([pid])),
      ],
      [
        'procfs listProcesses() (discovery)',
        await measureCalls(30, 0, () => procfs.listProcesses()),
      ],
      ['si.processes()', await measureCalls(12, 550, () => si.processes())],
      ['si.processLoad("node")', await measureCalls(12, 550, () => si.processLoad('node'))],
    ];
    console.log('\nper call (CPU = this process + reaped children):');
    for (const [label, r] of rows) {
      console.log(
        `  ${label.padEnd(42)} cpu ${r.cpuMsPerCall.toFixed(3).padStart(8)} ms   wall ${r.wallMsPerCall.toFixed(3).padStart(8)} ms`,
      );
    }
    const cpuOf = (prefix: string) =>
      rows.find(([label]) => label.startsWith(prefix))?.[1].cpuMsPerCall ?? Number.NaN;
    const heavy = cpuOf('si.processes()');
    const cheap = cpuOf('procfs readUsage');
    console.log(`  ratio si.processes() / procfs readUsage: ${(heavy / cheap).toFixed(0)}x CPU`);

    console.log(`\nmonitor runs at the default 0.5 s interval, ${seconds} s each:`);
    for (const [label, source, includeChildren] of [
      ['procfs (default on Linux)', procfs, false],
      ['procfs, --include-children', procfs, true],
      ['systeminformation', siSource, false],
    ] as const) {
      const r = await measureRun(pid, source, seconds, includeChildren);
      console.log(
        `  ${label.padEnd(26)} ${String(r.samples).padStart(4)} samples   cpu ${r.cpuMsPerSample.toFixed(3).padStart(7)} ms/sample   ${r.shareOfOneCorePercent.toFixed(3).padStart(6)} % of one core`,
      );
    }
  } finally {
    target.kill('SIGKILL');
  }
}

await main();
