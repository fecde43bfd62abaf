// The bench command's one-line summary, from the script registry: the command table shows it
// without loading the command.
import { SCRIPTS } from '@rota-perf/core';

/** `run a k6 script (performance, rps-probe, …)`. */
export const BENCH_SUMMARY = `run a k6 script (${SCRIPTS.map((s) => s.aliases[0] ?? s.name).join(', ')})`;
