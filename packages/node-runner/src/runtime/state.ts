import type { VuConnections } from '../http/connections.js';
import type { CookieJar } from '../http/cookies.js';
import type { Builtins } from '../metrics/builtin.js';
import type { MetricRegistry, Tags } from '../metrics/registry.js';
import type { SampleOutputs } from '../outputs/outputs.js';
import type { SeriesTap } from '../series/tap.js';
import type { GroupTree } from './groups.js';

/** One virtual user: its own script instance, cookie jar and connection pool, as in k6. */
export interface VuState {
  /** The VU's number in this instance (`__VU`, `exec.vu.idInInstance`), from 1. */
  id: number;
  /** Its number in the whole test (`exec.vu.idInTest`): in a segment, from the instance's stripe. */
  idInTest: number;
  exports: Record<string, unknown>;
  jar: CookieJar;
  connections: VuConnections;
  setupData: unknown;
  /** The scenario's exec function of this VU's script instance (VUs belong to one scenario). */
  exec?: (data: unknown) => unknown;
  /** Iterations this VU ran in its current scenario (`__ITER`). */
  iterations: number;
  /** Requests in flight, destroyed when an iteration is interrupted. */
  inflight: Set<{ destroy(err?: Error): void }>;
  /** The context of the code this VU runs now (init, an iteration, setup …): see vu-context.ts. */
  current: IterationContext | undefined;
  /** Updates the VU's `__VU`/`__ITER`/`__ENV` bindings (set by its globals module). */
  setGlobals: ((ctx: IterationContext) => void) | undefined;
}

/** What `k6/execution` reports about the running scenario. */
export interface ScenarioInfo {
  name: string;
  executor: string;
  startTime: number;
  env: Record<string, string>;
  /** The run's env with the scenario's on top (what `__ENV` shows), built on first use. */
  fullEnv?: Record<string, string>;
  progress(): number;
  nextIterationInTest(): number;
}

/** The async context of one iteration (or of init, setup, teardown). */
export interface IterationContext {
  vu: VuState;
  scenario: ScenarioInfo | null;
  iterationInScenario: number;
  /** The scenario's iteration number in the whole test (in a segment: the instance's stripe). */
  iterationInTest: number;
  /** The scenario's iteration number in this instance (set for iterations only). */
  iterationInInstance?: number;
  groupPath: string;
  /** Tags every sample of this iteration carries (scenario, scenario tags, options.tags). */
  tags: Tags;
  cancelled: boolean;
  /** Bytes its requests sent and received, emitted when it ends (k6 does it per iteration). */
  sent: number;
  received: number;
  /** `init`, `setup`, `teardown`, `default` (iteration) — used for k6's context rules. */
  stage: 'init' | 'setup' | 'teardown' | 'iteration' | 'summary';
}

/** Process-wide state of the current run, shared by the engine and the k6 module shims. */
export interface Runtime {
  registry: MetricRegistry;
  builtins: Builtins;
  groups: GroupTree;
  env: Record<string, string>;
  scriptDir: string;
  userAgent: string;
  maxRedirects: number;
  insecureSkipTLSVerify: boolean;
  discardResponseBodies: boolean;
  /** Decides `expected_response`; null after `http.setResponseCallback(null)`. */
  expectedStatus: ((status: number) => boolean) | null;
  testStartEpoch: number;
  /** The per-second series, when the run records one. */
  series: SeriesTap | null;
  /** The streamed `--out` outputs, when any. */
  outputs: SampleOutputs | null;
  /** This instance's counts for `exec.instance` (set while the scenarios run). */
  instance?: InstanceCounts;
  /** Ends the test early (test.abort(), abortOnFail) with k6's exit code. */
  abortTest(reason: string, exitCode: number): void;
}

/** What `exec.instance` reports: counts of this instance only, segmented or not. */
export interface InstanceCounts {
  iterationsCompleted(): number;
  iterationsInterrupted(): number;
  vusActive(): number;
  vusInitialized(): number;
}

let current: Runtime | undefined;

/** Installs the runtime for this process (one run per process at a time). */
export function setRuntime(runtime: Runtime | undefined): void {
  current = runtime;
}

/** The active runtime; shims call this lazily so importing them early is harmless. */
export function getRuntime(): Runtime {
  if (!current)
    throw new Error('k6-node: the k6 modules can only be used while a script runs under k6-node');
  return current;
}

/** The active runtime, or undefined outside a run. */
export function tryRuntime(): Runtime | undefined {
  return current;
}

/** Tags for a sample emitted now: iteration tags plus the group path. */
export function sampleTags(ctx: IterationContext | undefined, extra?: Tags): Tags {
  const tags: Tags = {};
  const base = ctx?.tags;
  if (base) for (const k in base) tags[k] = base[k] as string;
  tags.group = ctx?.groupPath ?? '';
  if (extra) for (const k in extra) tags[k] = extra[k] as string;
  return tags;
}
