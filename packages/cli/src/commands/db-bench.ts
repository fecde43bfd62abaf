// rota-perf db-bench …: forwards to db-bench's command (its own options and --help).
import type { Command } from '../command.js';

export const command: Command = {
  summary: 'benchmark the Rota repository queries',
  help: 'Usage: rota-perf db-bench [options] (see rota-perf db-bench --help)',
  async run(argv, context) {
    const { runDbBenchCommand } = await import('@rota-perf/db-bench/rota');
    const help = argv.includes('--help') || argv.includes('-h');
    return runDbBenchCommand(help ? ['--help'] : argv, {
      env: context.env,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  },
};
