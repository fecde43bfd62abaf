import { EXIT, RunnerError } from './errors.js';

/** Parsed `k6-node run` arguments. */
export interface CliArgs {
  script: string;
  env: Record<string, string>;
  quiet: boolean;
  summaryExport?: string;
}

export const USAGE =
  'usage: k6-node run [-e KEY=VALUE]... [--env KEY=VALUE]... [--quiet] [--summary-export FILE] <script.js>';

function usage(message: string): RunnerError {
  return new RunnerError(`${message}\n${USAGE}`, EXIT.usage);
}

/** Parses argv after the program name (`run <script> -e K=V --quiet --summary-export f`). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command !== 'run')
    throw usage(`unknown command ${JSON.stringify(command ?? '')}: expected 'run'`);
  const out: CliArgs = { script: '', env: {}, quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const valueFor = (name: string) => {
      const eq = arg.indexOf('=');
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw usage(`${name} needs a value`);
      return v;
    };
    if (arg === '-e' || arg === '--env' || arg.startsWith('--env=')) {
      const kv = valueFor('--env');
      const eq = kv.indexOf('=');
      if (eq <= 0) throw usage(`invalid --env value ${JSON.stringify(kv)}: expected KEY=VALUE`);
      out.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (arg === '-q' || arg === '--quiet') out.quiet = true;
    else if (arg === '--summary-export' || arg.startsWith('--summary-export='))
      out.summaryExport = valueFor('--summary-export');
    else if (arg.startsWith('-')) throw usage(`unknown option ${JSON.stringify(arg)}`);
    else if (out.script)
      throw usage(`unexpected argument ${JSON.stringify(arg)}: only one script can be run`);
    else out.script = arg;
  }
  if (!out.script) throw usage('missing script path');
  return out;
}
