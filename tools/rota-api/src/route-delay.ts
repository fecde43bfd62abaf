// ROTA_API_DELAY: a test aid that slows chosen routes on purpose, so a comparison can be checked
// against a known regression (`ROTA_API_DELAY="GET /trails/:trailId=5ms,PUT /…=2ms"`). Routes
// are named as the API's route tags name them (the statement tags, `GET /trails/:trailId`);
// durations are k6 durations. Off by default.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, parseK6Duration } from '@rota-perf/core';
import type { FastifyInstance } from 'fastify';
import { routeLabel } from './http/routes.js';

/** The variable's name. */
export const ROUTE_DELAY_VAR = 'ROTA_API_DELAY';

const ENTRY = /^(GET|POST|PUT) (\/\S*)=(.+)$/;

/** The delays it asks for, route label → milliseconds (empty when unset). */
export function parseRouteDelays(text: string | undefined): ReadonlyMap<string, number> {
  const delays = new Map<string, number>();
  if (text === undefined || text.trim() === '') return delays;
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    const match = ENTRY.exec(entry);
    if (match === null) {
      throw new ConfigError(
        ROUTE_DELAY_VAR,
        `${ROUTE_DELAY_VAR} entry ${JSON.stringify(entry)} must be "METHOD /route=duration", e.g. "GET /trails/:trailId=5ms"`,
      );
    }
    const [, method, route, duration] = match as unknown as [string, string, string, string];
    const label = `${method} ${route}`;
    const seconds = parseK6Duration(duration.trim(), `${ROUTE_DELAY_VAR} (${label})`);
    delays.set(label, seconds * 1000);
  }
  return delays;
}

/**
 * Waits `ms` without blocking the event loop, to within microseconds. Node's timers fire on
 * whole milliseconds (a 0.5 ms setTimeout waits 1–2 ms), which would turn the sub-millisecond
 * "30 % slower" of a 1.5 ms route into +100 %. The last 2 ms yield with setImmediate, so other
 * requests run meanwhile; the spin costs CPU only for as long as the delay itself.
 */
export async function preciseDelay(ms: number): Promise<void> {
  const end = performance.now() + ms;
  if (ms > 2) await sleep(ms - 2);
  while (performance.now() < end) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Adds each delay to its own route as the routes are registered, and collects every route's
 * label; `apply` then refuses a delay for a route the API does not have (a typo must not pass
 * as "no slowdown"). Only the delayed routes get a hook: a hook on every route changed the
 * timing of the others (GET /trails/ answered 20–30 % faster with the hook in place than
 * without, so a comparison against a plain run flagged a route that was not slowed).
 */
export function routeDelays(app: FastifyInstance, delays: ReadonlyMap<string, number>) {
  const labels = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    for (const method of methods) labels.add(routeLabel(method, route.url));
    const ms = delays.get(routeLabel(methods[0] ?? '', route.url));
    if (ms === undefined || ms <= 0) return;
    const delay = async () => preciseDelay(ms);
    route.preHandler = [...[route.preHandler ?? []].flat(), delay];
  });
  return {
    apply(): void {
      for (const label of delays.keys()) {
        if (!labels.has(label)) {
          const known = [...labels].filter((l) => /^(GET|POST|PUT) /.test(l)).sort();
          throw new ConfigError(
            ROUTE_DELAY_VAR,
            `${ROUTE_DELAY_VAR} names ${JSON.stringify(label)}, not a route of the API (routes: ${known.join(', ')})`,
          );
        }
      }
    },
  };
}
