// Command-line arguments of `bench`: [script] [--engine auto|k6|node] [-e KEY=VALUE]...
import { parseArgs } from 'node:util';
import type { EnginePreference } from './engine.js';
import { parseScriptName, type ScriptName, UsageError } from './scripts.js';

/** Parsed `bench` arguments. */
export interface BenchArgs {
  script: ScriptName;
  engine: EnginePreference;
  env: Record<string, string>;
  fixture: 'small' | 'large';
  quiet: boolean;
  help: boolean;
}

/** Splits `KEY=VALUE`; a missing `=` or empty key is a usage error. */
export function parseEnvPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at <= 0) throw new UsageError(`-e expects KEY=VALUE, got "${pair}"`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  for (const a of allowed) if (a === value) return a;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
}

/** Parses argv (without node and the script); unknown options are usage errors. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        engine: { type: 'string', default: 'auto' },
        env: { type: 'string', short: 'e', multiple: true },
        fixture: { type: 'string', default: 'small' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new UsageError(`expected at most one script, got ${positionals.join(' ')}`);
  const env: Record<string, string> = {};
  for (const pair of (values.env as string[] | undefined) ?? []) {
    const [key, value] = parseEnvPair(pair);
    env[key] = value;
  }
  return {
    script: parseScriptName(positionals[0] ?? 'performance'),
    engine: oneOf('--engine', String(values.engine), ['auto', 'k6', 'node'] as const),
    env,
    fixture: oneOf('--fixture', String(values.fixture), ['small', 'large'] as const),
    quiet: Boolean(values.quiet),
    help: Boolean(values.help),
  };
}

/** The `--help` text. */
export const BENCH_HELP = `Usage: bench [performance|rps_probe|progress_probe|progress_write] [options]

Runs a built k6 bundle (performance/k6/<script>.test.js). Without BASE_URL it starts the
reference Rota API on an embedded PostgreSQL and points the run at it.

Options:
  --engine auto|k6|node   k6 binary when on PATH (or K6_BINARY), else node-runner (default auto)
  -e, --env KEY=VALUE     a script variable, as in k6 (repeatable); process env passes through
  --fixture small|large   content of the embedded target (default small)
  -q, --quiet             no progress lines from the engine
  -h, --help              this text

Exit code: the engine's (0 ok, 99 a threshold failed, 2 bad usage).`;
