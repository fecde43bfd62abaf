// `__VU`, `__ITER` and `__ENV` as bindings of one VU: the loader hooks import this module as
// `globals.js?vu=N` into the VU's script modules, and the engine updates it when the VU enters
// code (live bindings: the script always reads the current values).
import { bindVuGlobals } from '../runtime/globals.js';

export let __ITER = 0;
export let __ENV: Record<string, string> = {};
export const __VU = bindVuGlobals(import.meta.url, (iter, env) => {
  __ITER = iter;
  __ENV = env;
});
