// `bench`: run one bundle against BASE_URL, or against the reference API on an embedded
// PostgreSQL when no BASE_URL is given, with the k6 binary or node-runner.
import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { type EnginePreference, resolveEngine, runBundle } from './engine.js';
import { bundlePath, isBuilt, REPO_ROOT, type ScriptName, UsageError } from './scripts.js';

/** Options of `runBench`. */
export interface BenchOptions {
  script: ScriptName;
  engine?: EnginePreference;
  /** Variables for the script (`-e KEY=VALUE`); BASE_URL here or in `process.env` picks the target. */
  env?: Record<string, string>;
  /** Working directory: relative results paths land under it (default: the repository root). */
  cwd?: string;
  /** Fixture of the embedded target (default `small`). */
  fixture?: 'small' | 'large';
  quiet?: boolean;
  signal?: AbortSignal;
  /** Progress lines ("using node-runner", "started the reference API at …"). */
  log?: (line: string) => void;
  /** Called once the embedded target is up (e.g. to attach a memory monitor to its pid). */
  onTarget?: (target: {
    url: string;
    pid: number | null;
    embedded: boolean;
  }) => void | Promise<void>;
}

/** The outcome of a bench run. */
export interface BenchResult {
  exitCode: number;
  engine: 'k6' | 'node';
  baseUrl: string;
  embedded: boolean;
}

/** Runs one script end to end; the embedded target (if any) is always stopped. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!isBuilt(options.script)) {
    throw new UsageError(
      `${bundlePath(options.script)} is missing: build first (pnpm --filter @rota-perf/k6-scenarios build)`,
    );
  }
  const engine = resolveEngine(options.engine ?? 'auto');
  log(
    engine.kind === 'k6'
      ? `engine: k6 (${engine.binary})`
      : 'engine: node-runner (no k6 binary on PATH; set K6_BINARY to use one)',
  );
  const env = { ...(options.env ?? {}) };
  const given = env.BASE_URL ?? process.env.BASE_URL;
  let api: StartedRotaApi | null = null;
  try {
    if (given) {
      env.BASE_URL = given;
      log(`target: ${given}`);
      await options.onTarget?.({ url: given, pid: null, embedded: false });
    } else {
      log(
        `target: no BASE_URL set, starting the reference Rota API on an embedded PostgreSQL (${options.fixture ?? 'small'} fixture)…`,
      );
      api = await startRotaApi({ fixture: options.fixture ?? 'small' });
      env.BASE_URL = api.url;
      log(`target: reference Rota API at ${api.url} (pid ${api.pid})`);
      await options.onTarget?.({ url: api.url, pid: api.pid, embedded: true });
    }
    const exitCode = await runBundle(engine, {
      bundle: bundlePath(options.script),
      env,
      cwd: options.cwd ?? REPO_ROOT,
      ...(options.quiet !== undefined ? { quiet: options.quiet } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { exitCode, engine: engine.kind, baseUrl: env.BASE_URL, embedded: api !== null };
  } finally {
    await api?.stop();
  }
}
