/**
 * While a cleanup is registered, Ctrl-C (SIGINT) or SIGTERM runs it before exiting with
 * 130/143, so an interrupted run stops its embedded PostgreSQL and removes its temp dir.
 * Returns the function that unregisters it.
 */
export function cleanUpOnInterrupt(cleanup: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(`\ndb-bench: interrupted (${signal}), cleaning up\n`);
    const code = signal === 'SIGINT' ? 130 : 143;
    cleanup().then(
      () => process.exit(code),
      () => process.exit(code),
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
