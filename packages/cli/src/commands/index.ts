// The command table: names -> lazy imports, so `rota-perf --help` or `rota-perf report` never
// loads the HTTP server, the database driver or the k6 runner. Each package's command is
// mounted as it is; the summaries here are the commands' own (commands.test.ts checks it).
import type { CommandGroup } from '@rota-perf/core';
import { BENCH_SUMMARY } from './bench-summary.js';

/** `rota-perf`: every command of the kit. */
export const ROTA_PERF: CommandGroup = {
  name: 'rota-perf',
  description: 'Performance toolkit for the Rota API and its PostgreSQL database.',
  commands: {
    start: {
      summary: 'the main job: endpoint benchmark + db-bench on the embedded target, HTML report',
      load: async () => (await import('./start.js')).startCommand,
    },
    bench: {
      summary: BENCH_SUMMARY,
      load: async () => (await import('./bench.js')).benchCommand,
    },
    probe: {
      summary: 'adaptive RPS ceiling search (probe --adaptive)',
      load: async () => (await import('./probe.js')).probeCommand,
    },
    compare: {
      summary: 'compare two runs: faster/slower per endpoint, regression budgets (exit 99)',
      load: async () => (await import('./compare.js')).compareCommand,
    },
    'db-bench': {
      summary: 'benchmark the Rota repository queries against PostgreSQL',
      load: async () => (await import('./db-bench.js')).dbBenchCommand,
    },
    'mem-monitor': {
      summary: "sample a process's memory and CPU to CSV",
      load: async () => (await import('@rota-perf/mem-monitor')).memMonitorCommand,
    },
    serve: {
      summary: 'start the reference Rota API (embedded PostgreSQL unless --database-url)',
      load: async () => (await import('@rota-perf/rota-api/command')).serveCommand,
    },
    merge: {
      summary: 'combine the outputs of several instances of one run into one results folder',
      load: async () => (await import('./merge.js')).mergeCommand,
    },
    report: {
      summary: 'write the HTML report of a results folder',
      load: async () => (await import('@rota-perf/report-formatter/html')).reportCommand,
    },
    run: {
      summary: 'run a k6 script that uses the async HTTP API with node-runner',
      load: async () => (await import('@rota-perf/node-runner')).runCommand,
    },
    bootstrap: {
      summary: 'log in or register the synthetic user and print the dataset the scripts use',
      load: async () => (await import('@rota-perf/bootstrap-auth/node')).bootstrapCommand,
    },
  },
};
