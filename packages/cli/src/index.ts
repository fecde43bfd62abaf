// Public surface of @rota-perf/cli: the command table (run it with core's runCommandLine).
export { ROTA_PERF } from './commands/index.js';
