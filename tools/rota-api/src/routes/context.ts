import type { RotaApiConfig } from '../config.js';
import type { SlidingLogRateLimiter } from '../security/rate-limiter.js';
import type { RotaStore } from '../store/types.js';

/** What every route module receives. */
export interface RouteContext {
  config: RotaApiConfig;
  store: RotaStore;
  limiter: SlidingLogRateLimiter;
}
