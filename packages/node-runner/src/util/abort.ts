// Every scenario waits on the run's stop signal at the same time (its startTime, each
// arrival-rate slot, the end of its duration and gracefulStop). One abort listener per wait
// puts more than ten listeners on one AbortSignal in any run with several scenarios, and Node
// then prints MaxListenersExceededWarning. One listener per signal fans out to the waiters.
const waiters = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `fn` once when `signal` aborts; returns the function that unsubscribes it. */
export function onAbort(signal: AbortSignal, fn: () => void): () => void {
  let set = waiters.get(signal);
  if (!set) {
    const fresh = new Set<() => void>();
    set = fresh;
    waiters.set(signal, fresh);
    signal.addEventListener(
      'abort',
      () => {
        const all = [...fresh];
        fresh.clear();
        for (const f of all) f();
      },
      { once: true },
    );
  }
  const own = set;
  own.add(fn);
  return () => {
    own.delete(fn);
  };
}
