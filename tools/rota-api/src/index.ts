export { createRotaApp, type RotaAppOptions } from './app.js';
export { type BootedApi, type BootOptions, bootRotaApi } from './boot.js';
export { type RotaApiConfig, resolveConfig } from './config.js';
export type { FixturePreset } from './database.js';
export { type MainPhaseIds, mainPhaseReadPaths } from './main-phase.js';
export { type RateLimiterBounds, SlidingLogRateLimiter } from './security/rate-limiter.js';
export { type ListenOptions, listenRotaApi, type RunningApi } from './server.js';
export { type StartedRotaApi, type StartOptions, startRotaApi } from './start.js';
