// The tests register their users with the client the benchmarks and the reliability suite use.
export * from '../client.js';
