// The engine in the main thread, as before the worker-thread supervisor (for the
// `worker-overhead` comparison in run-all.mjs only): node bench/in-thread.mjs <script> KEY=VALUE...
import { executeScript } from '../dist/engine/engine.js';

const [script, ...pairs] = process.argv.slice(2);
const env = Object.fromEntries(
  pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
);
const result = await executeScript(script, { env, quiet: true });
process.exit(result.exitCode);
