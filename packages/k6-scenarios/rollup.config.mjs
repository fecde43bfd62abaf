// One self-contained ES-module bundle per script of the core's registry (k6 and k6/* stay
// external), lowered to ES2017 so the same files run on every k6 with http.asyncRequest
// (v0.43+) and on node-runner.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import { SCRIPTS } from '@rota-perf/core';
import esbuild from 'rollup-plugin-esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

// An array of configs rather than one multi-input config: rollup would otherwise split shared
// code into chunks, and k6's distributed runners want single files.
export default SCRIPTS.map((script) => ({
  input: resolve(here, script.source),
  external: (id) => id === 'k6' || id.startsWith('k6/'),
  plugins: [
    nodeResolve({ exportConditions: ['k6', 'import', 'default'], preferBuiltins: false }),
    esbuild({ target: 'es2017', tsconfig: resolve(here, 'tsconfig.json'), minify: false }),
  ],
  output: { file: resolve(repoRoot, script.bundle), format: 'es', inlineDynamicImports: true },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') return;
    warn(warning);
  },
}));
