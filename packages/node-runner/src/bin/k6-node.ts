#!/usr/bin/env node
import { parseCliArgs } from '../cli-args.js';
import { RunnerError } from '../errors.js';
import { exitAfterFlush, runAsProcess } from '../process-entry.js';

try {
  const args = parseCliArgs(process.argv.slice(2));
  const result = await runAsProcess(args.script, {
    env: args.env,
    quiet: args.quiet,
    ...(args.summaryExport ? { summaryExport: args.summaryExport } : {}),
  });
  exitAfterFlush(result.exitCode);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  exitAfterFlush(err instanceof RunnerError ? err.exitCode : 255);
}
