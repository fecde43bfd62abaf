export { createRotaApp, type RotaAppOptions } from './app.js';
export { ConfigError, type RotaApiConfig, resolveConfig } from './config.js';
export type { RotaStore } from './store/types.js';
