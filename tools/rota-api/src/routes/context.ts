import type { Repositories } from '@rota-perf/rota-db';
import type { RotaApiConfig } from '../config.js';
import type { SlidingLogRateLimiter } from '../security/rate-limiter.js';

/** What every route module receives. */
export interface RouteContext {
  config: RotaApiConfig;
  /** rota-db repositories over the API's pool (created once; their statements are prepared). */
  repos: Repositories;
  limiter: SlidingLogRateLimiter;
  /**
   * The context of one route (`GET /trails/:trailId`): its repositories tag every statement
   * with the route (itself when statements are not tagged).
   */
  forRoute(route: string): RouteContext;
}
