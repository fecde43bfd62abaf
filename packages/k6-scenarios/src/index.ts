// Node side of k6-scenarios: run the bundles (the k6 code itself lives in the bundles).
export { BENCH_HELP, type BenchArgs, parseBenchArgs, parseEnvPair } from './bench/args.js';
export { type BenchOptions, type BenchResult, runBench } from './bench/bench.js';
export {
  type Engine,
  type EnginePreference,
  findK6,
  resolveEngine,
  runBundle,
} from './bench/engine.js';
export {
  bundlePath,
  isBuilt,
  parseScriptName,
  REPO_ROOT,
  SCRIPT_NAMES,
  type ScriptName,
  UsageError,
} from './bench/scripts.js';
export { ENDPOINTS, type Endpoint } from './catalogue.js';
