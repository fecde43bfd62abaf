export {
  formatMemoryCsvRow,
  MEMORY_CSV_COLUMNS,
  memoryCsvHeader,
  parseMemoryCsv,
  summariseMemory,
} from './memory.js';
export { leastSquaresSlope, mean, quantile, safeRatio, stddev } from './stats.js';
export type * from './types.js';
