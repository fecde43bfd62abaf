import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getRuntime, type IterationContext } from './state.js';
import { currentContext, envOf, vuById, vuIdOf } from './vu-context.js';

/** What `__ITER` shows in a context: the iteration number inside iterations, else 0. */
export function iterOf(ctx: IterationContext | undefined): number {
  return ctx && ctx.stage === 'iteration' ? ctx.iterationInScenario : 0;
}

/**
 * Defines k6's globals: `open()`, and `__ENV`, `__VU`, `__ITER` on globalThis. Script modules
 * get the last three as bindings of their VU (see vu-context.ts); these global versions serve
 * code that reaches them otherwise (`globalThis.__VU`, eval) and find the VU from the stack.
 */
export function installGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__ENV', { configurable: true, get: () => envOf(currentContext()) });
  Object.defineProperty(g, '__VU', { configurable: true, get: () => currentContext()?.vu.id ?? 0 });
  Object.defineProperty(g, '__ITER', { configurable: true, get: () => iterOf(currentContext()) });
  g.open = (path: string, mode?: string) => {
    const file = resolve(getRuntime().scriptDir, String(path));
    const buf = readFileSync(file);
    return mode === 'b' ? new Uint8Array(buf).buffer : buf.toString('utf8');
  };
}

/**
 * Binds a VU's globals module (`shims/globals.js?vu=N`): `set` runs now and whenever the VU
 * enters code. Returns the VU's id (its `__VU`).
 */
export function bindVuGlobals(
  moduleUrl: string,
  set: (iter: number, env: Record<string, string>) => void,
): number {
  const id = vuIdOf(moduleUrl) ?? 0;
  const vu = vuById(id);
  if (vu) vu.setGlobals = (ctx) => set(iterOf(ctx), envOf(ctx));
  set(iterOf(vu?.current), envOf(vu?.current));
  return id;
}
