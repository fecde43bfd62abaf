// Why the server could not listen, as a bad --host/--port value (exit 2) where it is one.
import { ConfigError } from '@rota-perf/core';

/** A port or address the user chose that cannot be used is a bad value (exit 2), named. */
export function describeListenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const at = `${host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return new ConfigError('--port', `cannot listen on ${at}: port ${port} is already in use`);
    case 'EACCES':
      return new ConfigError('--port', `cannot listen on ${at}: port ${port} needs privileges`);
    case 'EADDRNOTAVAIL':
      return new ConfigError(
        '--host',
        `cannot listen on ${at}: ${host} is not an address of this machine`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError('--host', `cannot listen on ${at}: unknown host "${host}"`);
    default:
      return error;
  }
}
