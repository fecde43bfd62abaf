// The `k6` module: check, fail, sleep, group (synchronous callbacks only, as k6 v0.49).
import { GoError } from '../errors.js';
import { getRuntime, sampleTags } from '../runtime/state.js';
import { contextOfModule } from '../runtime/vu-context.js';

// This module is instantiated per VU (`k6.js?vu=N`): checks and groups get that VU's context.
const currentContext = contextOfModule(import.meta.url);

function assertName(name: string): void {
  if (name.includes('::')) throw new GoError("group and check names may not contain '::'");
}

/** `check(value, { name: predicate }, tags)`: records each result in `checks` and the group tree. */
export function check(
  value: unknown,
  sets: Record<string, unknown>,
  tags?: Record<string, unknown>,
): boolean {
  const rt = getRuntime();
  const ctx = currentContext();
  const groupPath = ctx?.groupPath ?? '';
  let all = true;
  for (const [name, predicate] of Object.entries(sets ?? {})) {
    assertName(name);
    const ok = Boolean(typeof predicate === 'function' ? predicate(value) : predicate);
    if (!ok) all = false;
    if (ctx?.cancelled) continue;
    const t = sampleTags(ctx, { check: name });
    for (const [k, v] of Object.entries(tags ?? {})) t[k] = String(v);
    rt.registry.push(rt.builtins.checks, ok ? 1 : 0, t);
    rt.series?.check(ctx?.scenario?.name ?? '', ok);
    rt.groups.check(groupPath, name, ok);
  }
  return all;
}

/** `fail(message)`: throws like k6 (the iteration ends, the error is logged). */
export function fail(message?: string): never {
  throw new GoError(message ?? '');
}

/** `sleep(seconds)`; await it: Node cannot block a VU without blocking all of them. */
export function sleep(seconds: number): Promise<void> {
  const ms = Math.max(0, Number(seconds) * 1000);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `group(name, fn)`: runs a synchronous callback inside the named group. */
export function group<T>(name: string, fn: () => T): T {
  assertName(String(name));
  if (typeof fn === 'function' && fn.constructor?.name === 'AsyncFunction') {
    throw new GoError(
      'group() does not support async functions as arguments, please see https://grafana.com/docs/k6/latest/javascript-api/k6/group/#working-with-async-functions',
    );
  }
  const rt = getRuntime();
  const ctx = currentContext();
  const parent = ctx?.groupPath ?? '';
  const node = rt.groups.group(parent, String(name));
  if (ctx) ctx.groupPath = node.path;
  const start = performance.now();
  try {
    return fn();
  } finally {
    if (ctx) {
      ctx.groupPath = parent;
      if (!ctx.cancelled)
        rt.registry.push(
          rt.builtins.group_duration,
          performance.now() - start,
          sampleTags(ctx, { group: node.path }),
        );
    }
  }
}

/** `randomSeed(n)` has no effect here (Math.random cannot be seeded in Node). */
export function randomSeed(_seed: number): void {}

export default { check, fail, sleep, group, randomSeed };
