#!/usr/bin/env node
import { runBootstrapCommand } from '../cli/run.js';

process.exitCode = await runBootstrapCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
