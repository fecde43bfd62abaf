/** The layout a results file follows (its JSON Schema and the report section that shows it). */
export type ResultLayout = 'load' | 'sweep' | 'adaptive' | 'write' | 'db-bench' | 'database';
