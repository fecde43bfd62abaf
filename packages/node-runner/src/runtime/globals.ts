import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { currentContext, getRuntime } from './state.js';

/** Defines k6's globals: `__ENV`, `__VU`, `__ITER` (per VU through async context) and `open()`. */
export function installGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__ENV', {
    configurable: true,
    get() {
      const ctx = currentContext();
      const env = getRuntime().env;
      return ctx?.scenario && Object.keys(ctx.scenario.env).length
        ? { ...env, ...ctx.scenario.env }
        : env;
    },
  });
  Object.defineProperty(g, '__VU', { configurable: true, get: () => currentContext()?.vu.id ?? 0 });
  Object.defineProperty(g, '__ITER', {
    configurable: true,
    get: () => {
      const ctx = currentContext();
      return ctx && ctx.stage === 'iteration' ? ctx.iterationInScenario : 0;
    },
  });
  g.open = (path: string, mode?: string) => {
    const file = resolve(getRuntime().scriptDir, String(path));
    const buf = readFileSync(file);
    return mode === 'b' ? new Uint8Array(buf).buffer : buf.toString('utf8');
  };
}
