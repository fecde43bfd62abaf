/** A user-facing failure: the message is one clear line, no stack trace needed. */
export class BootstrapError extends Error {
  override name = 'BootstrapError';
}

/** A malformed configuration value; the message names the variable and what was expected. */
export class ConfigError extends BootstrapError {
  override name = 'ConfigError';
}
