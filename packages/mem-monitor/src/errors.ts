/** A bad option or flag: the CLI prints its message as one line and exits with code 2. */
export class MonitorUsageError extends Error {
  override name = 'MonitorUsageError';
}
