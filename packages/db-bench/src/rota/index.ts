// The Rota side: the 21 cases over rota-db, context preparation and the db-bench command.
// Kept apart from the generic harness (`.`) so harness users do not load rota-db and its driver.

export type { DbBenchOptions, FixtureName } from '../cli/args.js';
export { DB_BENCH_OPTIONS, parseDbBenchArgs, readDbBenchOptions } from '../cli/args.js';
export { buildDbBenchJson } from '../cli/results-json.js';
export { dbBenchCommand } from '../cli/run.js';
export type { RotaCaseSpec } from './cases.js';
export { defineRotaCases, ROTA_CASES } from './cases.js';
export type { BenchUser, RotaContext } from './context.js';
export { ContextError, prepareContext } from './context.js';
export { rollbackAfter } from './rollback.js';
