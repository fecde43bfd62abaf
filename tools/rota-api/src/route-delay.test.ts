// ROTA_API_DELAY slows the routes it names, and only those; bad values are one-line config
// errors naming the variable.
import { ConfigError } from '@rota-perf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRotaApp } from './app.js';
import { resolveConfig } from './config.js';
import { parseRouteDelays, preciseDelay } from './route-delay.js';
import { registerUser } from './test-support/client.js';
import { type Harness, startHarness } from './test-support/harness.js';

describe('parseRouteDelays', () => {
  it('reads route labels and k6 durations, off when unset', () => {
    expect(parseRouteDelays(undefined).size).toBe(0);
    expect(parseRouteDelays('').size).toBe(0);
    expect([
      ...parseRouteDelays(
        'GET /trails/:trailId=5ms, PUT /trails/:trailId/items/:itemId/progress=1s',
      ),
    ]).toEqual([
      ['GET /trails/:trailId', 5],
      ['PUT /trails/:trailId/items/:itemId/progress', 1000],
    ]);
  });

  it('refuses a malformed entry or duration in one line naming the variable', () => {
    expect(() => parseRouteDelays('/trails=5ms')).toThrow(
      'ROTA_API_DELAY entry "/trails=5ms" must be "METHOD /route=duration", e.g. "GET /trails/:trailId=5ms"',
    );
    expect(() => parseRouteDelays('GET /trails/=5 apples')).toThrow(ConfigError);
    expect(() => parseRouteDelays('GET /trails/=-5ms')).toThrow(
      'ROTA_API_DELAY (GET /trails/) must be a k6 duration such as 30s, 1m30s or 500ms, got "-5ms"',
    );
  });

  it('refuses a route the API does not have, listing the routes', () => {
    const config = resolveConfig({ ROTA_API_DELAY: 'GET /trails/:id=5ms' });
    // Routes only read their repositories when a request comes: any object stands in.
    const repos = new Proxy({}, { get: () => ({}) }) as never;
    expect(() => createRotaApp({ config, repos })).toThrow(
      /^ROTA_API_DELAY names "GET \/trails\/:id", not a route of the API \(routes: .*GET \/trails\/:trailId[,)]/,
    );
  });
});

describe('only the delayed route gets a hook', () => {
  it('the other routes are registered exactly as without ROTA_API_DELAY', async () => {
    const repos = new Proxy({}, { get: () => ({}) }) as never;
    const hooksOf = async (env: Record<string, string>) => {
      const app = createRotaApp({ config: resolveConfig(env), repos });
      await app.ready();
      const printed = app.printRoutes({ includeHooks: true, commonPrefix: false });
      await app.close();
      return printed;
    };
    const plain = await hooksOf({});
    const delayed = await hooksOf({ ROTA_API_DELAY: 'GET /trails/:trailId=5ms' });
    // The one difference: a preHandler on the delayed route.
    expect(delayed).not.toBe(plain);
    const lines = (text: string) => text.split('\n');
    const changed = lines(delayed).filter((l) => !lines(plain).includes(l));
    expect(changed.some((l) => l.includes('preHandler'))).toBe(true);
    expect(changed.every((l) => l.includes('preHandler') || l.includes('trailId'))).toBe(true);
  });
});

describe('preciseDelay', () => {
  it('waits at least the delay, sub-millisecond ones too, while the event loop keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    for (const ms of [0.3, 0.8, 4.5]) {
      const started = performance.now();
      await preciseDelay(ms);
      expect(performance.now() - started).toBeGreaterThanOrEqual(ms);
    }
    clearInterval(ticker);
    // Timers fired during the 5.6 ms of waits: nothing blocked the loop.
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('a delayed route', () => {
  const DELAY_MS = 200;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ROTA_API_DELAY: `GET /trails/showcase=${DELAY_MS}ms` });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function fastest(path: string, cookie: string): Promise<number> {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const response = await fetch(`${h.url}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  it('is slower by the delay; the others are not delayed', async () => {
    const { cookie } = await registerUser(h.url);
    // The fastest of five: the delay is a floor for the delayed route, and an undelayed
    // route answers far below it even on a busy machine.
    expect(await fastest('/trails/showcase', cookie)).toBeGreaterThanOrEqual(DELAY_MS);
    expect(await fastest('/trails/', cookie)).toBeLessThan(DELAY_MS);
    expect(await fastest('/me', cookie)).toBeLessThan(DELAY_MS);
  });
});
