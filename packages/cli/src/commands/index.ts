// The command table: names -> lazy imports, so `rota-perf --help` or `rota-perf report` never
// loads the HTTP server, the database driver or the k6 runner.
import type { Command } from '../command.js';

type Loader = () => Promise<{ command: Command }>;

/** Subcommands in help order, with a one-line summary each. */
export const COMMANDS: Record<string, { summary: string; load: Loader }> = {
  start: {
    summary: 'the main job: endpoint benchmark + db-bench on the embedded target, HTML report',
    load: () => import('./start.js'),
  },
  bench: {
    summary: 'run a k6 script (performance, rps-probe, progress-probe, progress-write)',
    load: () => import('./bench.js'),
  },
  probe: {
    summary: 'adaptive RPS ceiling search (probe --adaptive)',
    load: () => import('./probe.js'),
  },
  'db-bench': {
    summary: 'benchmark the Rota repository queries against PostgreSQL',
    load: () => import('./db-bench.js'),
  },
  'mem-monitor': {
    summary: "sample a process's memory and CPU to CSV",
    load: () => import('./mem-monitor.js'),
  },
  serve: {
    summary: 'start the reference Rota API (embedded PostgreSQL unless --database-url)',
    load: () => import('./serve.js'),
  },
  report: {
    summary: 'write the HTML report of a results folder',
    load: () => import('./report.js'),
  },
  run: {
    summary: 'run any k6 script that uses the async HTTP API with node-runner',
    load: () => import('./run.js'),
  },
};
