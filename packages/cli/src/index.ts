// Public surface of @rota-perf/cli: run the command from code, and its command table.
export type { Command, CommandContext } from './command.js';
export { COMMANDS } from './commands/index.js';
export { exitCodeFor, UsageError } from './errors.js';
export { formatMainHelp, runCli } from './main.js';
