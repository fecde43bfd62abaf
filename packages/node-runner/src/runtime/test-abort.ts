/**
 * Thrown by `test.abort()` to end the calling iteration; the engine does not log it as an error.
 * (Here, not in the per-VU `k6/execution` module, so every VU throws the same class.)
 */
export class TestAbortError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TestAbortError';
  }
}
