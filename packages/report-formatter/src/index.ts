export { leastSquaresSlope, mean, quantile, safeRatio, stddev } from './stats.js';
export type * from './types.js';
