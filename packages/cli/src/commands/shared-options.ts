// Options shared by the commands that run a bundle (bench, probe, start).
import {
  ConfigError,
  choice,
  envPairs,
  type OptionTable,
  type ParsedArgs,
  positiveNumber,
  type ScriptName,
  stringValue,
  UsageError,
  valueUnlessDefault,
} from '@rota-perf/core';
import { checkDatabaseUrl } from '@rota-perf/core/node';
import { planScript } from '@rota-perf/k6-scenarios';
import { BASELINE_OPTIONS } from '../compare/after-run.js';
import type { EnginePreference } from '../engine.js';
import type { MonitorChoice } from '../monitor.js';
import { prepareOutDir } from '../outputs.js';
import type { ProgressSettings } from '../progress/live.js';
import { scriptProcessEnv } from '../record/variables.js';

/** Engine, target, variables, results folder, fixture. */
export const RUN_OPTIONS: OptionTable = {
  engine: {
    type: 'string',
    value: 'auto|k6|node',
    default: 'auto',
    description: 'k6 binary when on PATH (or K6_BINARY), else node-runner',
  },
  'base-url': {
    type: 'string',
    value: '<url>',
    description:
      'target API (default: -e BASE_URL, else BASE_URL, else the embedded reference API)',
  },
  env: {
    type: 'string',
    short: 'e',
    multiple: true,
    value: 'KEY=VALUE',
    description: 'a script variable, as k6 -e (repeatable); process env passes through',
  },
  out: {
    type: 'string',
    value: '<dir>',
    default: 'performance/ at the repository root',
    description: 'results folder (RESULTS_DIR of the scripts)',
  },
  fixture: {
    type: 'string',
    value: 'small|large',
    default: 'small',
    description: 'content of the embedded target',
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    description: 'no live progress (status block on a terminal, heartbeat lines otherwise)',
  },
  'progress-interval': {
    type: 'string',
    value: '<s>',
    default: '10',
    description: 'seconds between heartbeat lines when stderr is not a terminal',
  },
};

/** The target's database, for the statement and wait figures (bench, start). */
const DATABASE_OPTIONS: OptionTable = {
  'database-url': {
    type: 'string',
    value: '<url>',
    description:
      "the PostgreSQL of the --base-url target, read for database_insights.json (the embedded target's is read by itself)",
  },
};

/** Which process's memory to sample. */
const MONITOR_OPTIONS: OptionTable = {
  'monitor-pid': {
    type: 'string',
    value: '<n>',
    description: 'sample this process (default: the embedded API; none for a remote target)',
  },
  'monitor-pattern': {
    type: 'string',
    value: '<text|/re/>',
    description: 'sample processes whose command line matches',
  },
  'monitor-interval': {
    type: 'string',
    value: '<s>',
    default: '0.5',
    description: 'seconds between memory samples',
  },
};

/** A bundle run with the target's memory sampled (probe). */
export const MONITORED_RUN_OPTIONS: OptionTable = { ...RUN_OPTIONS, ...MONITOR_OPTIONS };

/**
 * The options table of a load run that also reads the target's database (bench, start): the
 * monitored run's and the database's options, the command's own, then --baseline and
 * compare's, in that order in `--help`.
 */
export function loadRunCommandOptions(own: OptionTable): OptionTable {
  return { ...MONITORED_RUN_OPTIONS, ...DATABASE_OPTIONS, ...own, ...BASELINE_OPTIONS };
}

/** The --out value, undefined when it is the default (the default's text is descriptive). */
export function outOption(args: ParsedArgs): string | undefined {
  return valueUnlessDefault(args, 'out', RUN_OPTIONS);
}

/** How a bundle is run: what bench, probe and start read alike from RUN/MONITOR_OPTIONS. */
export interface RunSettings {
  engine: EnginePreference;
  env: Record<string, string>;
  fixture: 'small' | 'large';
  monitor: MonitorChoice;
  /** undefined: the embedded reference API. */
  baseUrl: string | undefined;
  progress: ProgressSettings;
  /** The target's database (--database-url); undefined: the embedded one, or none known. */
  databaseUrl: string | undefined;
}

/** Reads engine, -e variables, fixture, monitor and target; a bad value is a UsageError. */
export function readRunSettings(args: ParsedArgs, env: CommandEnv): RunSettings {
  const scriptEnv = envPairs(args);
  const baseUrl = baseUrlOption(args, env, scriptEnv);
  const databaseUrl = databaseUrlOption(args);
  if (databaseUrl !== undefined && baseUrl === undefined) {
    throw new UsageError(
      '--database-url names the database of a target given with --base-url or BASE_URL; the embedded target has its own',
    );
  }
  return {
    engine: engineOption(args),
    env: scriptEnv,
    fixture: fixtureOption(args),
    monitor: monitorOption(args),
    progress: {
      quiet: args.values.quiet === true,
      heartbeatSeconds: positiveNumber(args, 'progress-interval') ?? 10,
    },
    baseUrl,
    databaseUrl,
  };
}

/** The script a command runs, and the variables the command itself sets over the user's. */
export interface ScriptUse {
  script: ScriptName;
  /** Set by the command for every run of the script (probe --adaptive's level settings). */
  fixed?: Readonly<Record<string, string>>;
}

/**
 * readRunSettings, then every variable the script reads, checked by the script's own readers
 * (planScript: its schedule, the shared user, cookie, login-pool and summary variables), then
 * what needs I/O: --database-url must lead to a PostgreSQL server (one connection attempt, 5 s
 * deadline). Any of these fails with one line and exit 2, before anything starts.
 */
export async function readCheckedRunSettings(
  args: ParsedArgs,
  env: CommandEnv,
  signal: AbortSignal,
  use: ScriptUse,
): Promise<RunSettings> {
  const settings = readRunSettings(args, env);
  planScript(use.script, { ...scriptProcessEnv(use.script, env), ...settings.env, ...use.fixed });
  if (settings.databaseUrl !== undefined) {
    await checkDatabaseUrl(settings.databaseUrl, '--database-url', { signal });
  }
  return settings;
}

/** --database-url, checked to be a PostgreSQL URL. */
export function databaseUrlOption(args: ParsedArgs): string | undefined {
  const url = stringValue(args, 'database-url');
  if (url === undefined) return undefined;
  if (!/^postgres(ql)?:\/\/[^/\s]+/.test(url)) {
    throw new UsageError(
      `--database-url must be a postgres:// or postgresql:// URL, got "${url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@')}"`,
    );
  }
  return url;
}

/** The results folder (--out, else performance/ at the repository root), created. */
export function resultsFolder(args: ParsedArgs, cwd: string): Promise<string> {
  return prepareOutDir(cwd, outOption(args));
}

/** The monitor choice; --monitor-pid and --monitor-pattern exclude each other. */
export function monitorOption(args: ParsedArgs): MonitorChoice {
  const pid = positiveNumber(args, 'monitor-pid', true);
  const pattern = stringValue(args, 'monitor-pattern');
  if (pid !== undefined && pattern !== undefined) {
    throw new UsageError('give either --monitor-pid or --monitor-pattern, not both');
  }
  return {
    ...(pid !== undefined ? { pid } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
    intervalSeconds: positiveNumber(args, 'monitor-interval') ?? 0.5,
  };
}

/** The engine preference. */
export function engineOption(args: ParsedArgs) {
  return choice(args, 'engine', ['auto', 'k6', 'node'] as const);
}

/** The embedded fixture. */
export function fixtureOption(args: ParsedArgs) {
  return choice(args, 'fixture', ['small', 'large'] as const);
}

/**
 * --base-url, else `-e BASE_URL=…` (a script variable wins over the environment, as in k6),
 * else BASE_URL from the environment, else undefined (embedded target).
 */
function baseUrlOption(
  args: ParsedArgs,
  env: CommandEnv,
  scriptEnv: Readonly<Record<string, string>>,
): string | undefined {
  const given = stringValue(args, 'base-url');
  const [source, url] =
    given !== undefined
      ? ['--base-url', given]
      : scriptEnv.BASE_URL !== undefined
        ? ['-e BASE_URL', scriptEnv.BASE_URL]
        : ['BASE_URL', env.BASE_URL];
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    throw new ConfigError(
      source,
      `${source} must be an http(s) URL such as https://127.0.0.1:8001, got "${url}"`,
    );
  }
  return url.replace(/\/+$/, '');
}

type CommandEnv = Readonly<Record<string, string | undefined>>;
