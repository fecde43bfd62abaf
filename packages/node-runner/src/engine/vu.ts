import { VuConnections } from '../http/connections.js';
import { CookieJar } from '../http/cookies.js';
import { type IterationContext, setInitContext, type VuState } from '../runtime/state.js';

/** Creates a VU: its own evaluation of the script (init code runs per VU, as in k6). */
export async function createVu(
  id: number,
  scriptUrl: string,
  setupJson: string | undefined,
): Promise<VuState> {
  const vu: VuState = {
    id,
    exports: {},
    jar: new CookieJar(),
    // Connections open lazily at the first request, so options.insecureSkipTLSVerify (read
    // after VU 0 evaluated the script) applies to setup and teardown too.
    connections: new VuConnections(),
    setupData: setupJson === undefined ? undefined : JSON.parse(setupJson),
    iterations: 0,
    inflight: new Set(),
  };
  const ctx: IterationContext = {
    vu,
    scenario: null,
    iterationInScenario: 0,
    iterationInTest: 0,
    groupPath: '',
    tags: {},
    cancelled: false,
    stage: 'init',
  };
  setInitContext(ctx);
  try {
    // A distinct URL per VU gives each VU its own module instance; the k6 shims stay shared.
    vu.exports = (await import(`${scriptUrl}?vu=${id}`)) as Record<string, unknown>;
  } finally {
    setInitContext(undefined);
  }
  return vu;
}

/** Closes a VU's keep-alive connections. */
export function destroyVu(vu: VuState): void {
  vu.connections.destroy();
}
