import { quantile } from '@rota-perf/core';

/** The median, through the kit's one quantile definition. */
export const median = (values: readonly number[]): number => quantile(values, 0.5);
