export * from './enums.js';
export * from './forms.js';
export * from './lookups.js';
export * from './progress.js';
export * from './trails.js';
export * from './users.js';
