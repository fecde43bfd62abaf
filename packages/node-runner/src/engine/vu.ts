import { VuConnections } from '../http/connections.js';
import { CookieJar } from '../http/cookies.js';
import type { IterationContext, VuState } from '../runtime/state.js';
import { enter, forgetVu, registerVu } from '../runtime/vu-context.js';

/**
 * Creates a VU: its own evaluation of the script (init code runs per VU, as in k6). `id` is
 * its number in this instance, `idInTest` in the whole test (they differ in a segment).
 */
export async function createVu(
  id: number,
  scriptUrl: string,
  setupJson: string | undefined,
  idInTest = id,
): Promise<VuState> {
  const vu: VuState = {
    id,
    idInTest,
    exports: {},
    jar: new CookieJar(),
    // Connections open lazily at the first request, so options.insecureSkipTLSVerify (read
    // after VU 0 evaluated the script) applies to setup and teardown too.
    connections: new VuConnections(),
    setupData: setupJson === undefined ? undefined : JSON.parse(setupJson),
    iterations: 0,
    inflight: new Set(),
    current: undefined,
    setGlobals: undefined,
  };
  const ctx: IterationContext = {
    vu,
    scenario: null,
    iterationInScenario: 0,
    iterationInTest: 0,
    groupPath: '',
    tags: {},
    cancelled: false,
    sent: 0,
    received: 0,
    stage: 'init',
  };
  registerVu(vu);
  enter(vu, ctx);
  // A distinct URL per VU gives each VU its own instance of the script, of the modules it
  // imports and of the k6 modules (the loader hooks pass `?vu=N` on).
  vu.exports = (await import(`${scriptUrl}?vu=${id}`)) as Record<string, unknown>;
  return vu;
}

/** Closes a VU's keep-alive connections. */
export function destroyVu(vu: VuState): void {
  vu.connections.destroy();
  forgetVu(vu);
}
