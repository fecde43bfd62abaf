#!/usr/bin/env node
import { BENCH_HELP, parseBenchArgs } from '../bench/args.js';
import { runBench } from '../bench/bench.js';
import { UsageError } from '../bench/scripts.js';

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(BENCH_HELP);
    return 0;
  }
  // Ctrl-C: the engine stops scheduling, finishes in-flight work and writes partial results.
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const result = await runBench({ ...args, signal: controller.signal });
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`);
      process.exit(2);
    }
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
