// Which VU (and which of its iterations) the running script code belongs to.
//
// Node 20's AsyncLocalStorage costs a hook on every promise the process creates (about a tenth
// of the CPU per request). k6's model needs none: a VU runs one thing at a time, and every VU
// evaluates its own instance of the script. So each VU also gets its own instances of the k6
// modules and of the `__VU`/`__ITER`/`__ENV` bindings (the loader hooks add `?vu=N` to their
// URLs), and those read the VU's current context.
import { getRuntime, type IterationContext, type VuState } from './state.js';

const vus = new Map<number, VuState>();

/** Makes a VU known to its modules (before its script instance is imported). */
export function registerVu(vu: VuState): void {
  vus.set(vu.id, vu);
}

export function vuById(id: number): VuState | undefined {
  return vus.get(id);
}

export function forgetVu(vu: VuState): void {
  if (vus.get(vu.id) === vu) vus.delete(vu.id);
}

/** The VU a module instance belongs to, from its URL (`…?vu=3`); null for shared modules. */
export function vuIdOf(moduleUrl: string): number | null {
  const m = /[?&]vu=(\d+)/.exec(moduleUrl);
  return m ? Number(m[1]) : null;
}

/** `__ENV` for a context: the run's env, with the scenario's own on top. */
export function envOf(ctx: IterationContext | undefined): Record<string, string> {
  const scenario = ctx?.scenario;
  if (!scenario) return getRuntime().env;
  // Worked out once per scenario: every iteration asks.
  if (!scenario.fullEnv) {
    const env = getRuntime().env;
    scenario.fullEnv = Object.keys(scenario.env).length ? { ...env, ...scenario.env } : env;
  }
  return scenario.fullEnv;
}

/** The VU starts running code in `ctx` (init, an iteration, setup, teardown, handleSummary). */
export function enter(vu: VuState, ctx: IterationContext): void {
  vu.current = ctx;
  vu.setGlobals?.(ctx);
}

/** For a k6 module instance: a getter of its VU's current context. */
export function contextOfModule(moduleUrl: string): () => IterationContext | undefined {
  const id = vuIdOf(moduleUrl);
  if (id === null) return currentContext;
  const vu = vus.get(id);
  return vu ? () => vu.current : () => vus.get(id)?.current;
}

/**
 * The context of the calling code, found from the script frames on the stack (their module
 * URLs carry `?vu=N`). Slow; only for code that reaches a k6 global some other way than its
 * module bindings (e.g. `globalThis.__VU`, `eval`) and for errors from timers.
 */
export function currentContext(): IterationContext | undefined {
  return contextOfStack(new Error().stack);
}

/** The context of the VU whose script frames appear in `stack`. */
export function contextOfStack(stack: string | undefined): IterationContext | undefined {
  const id = stack ? vuIdOf(stack) : null;
  return id === null ? undefined : vus.get(id)?.current;
}
