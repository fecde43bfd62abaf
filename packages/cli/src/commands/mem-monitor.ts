// rota-perf mem-monitor …: forwards to mem-monitor's command (its own options and --help).
import type { Command } from '../command.js';

export const command: Command = {
  summary: "sample a process's memory and CPU to CSV",
  help: 'Usage: rota-perf mem-monitor (--pattern <p> | --pid <n>) [options] (see --help)',
  async run(argv, context) {
    const { runCli } = await import('@rota-perf/mem-monitor');
    return runCli(argv, { out: context.out, err: context.err });
  },
};
