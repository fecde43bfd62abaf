// A throw-away npm registry (verdaccio, in this process, so it cannot outlive the test) on a
// free loopback port, with no uplink: it serves our scope from its own storage and nothing
// else. npm takes our scope from it and third-party packages from the public registry, as a
// user of a private scope does (`@scope:registry=` in .npmrc).
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

/** A running local registry. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Stops the server and drops its open connections. */
  close(): Promise<void>;
}

/** The verdaccio configuration: anyone may publish and read our scope; no uplinks. */
export function registryConfig(folder: string, scope: string): Record<string, unknown> {
  return {
    self_path: folder,
    storage: join(folder, 'storage'),
    uplinks: {},
    // No `proxy` anywhere: a package that was not published here is a 404, never a download.
    packages: { [`${scope}/*`]: { access: '$all', publish: '$all' } },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
  };
}

/** Starts verdaccio with its storage in `folder` on 127.0.0.1 and a port the OS picks. */
export async function startLocalRegistry(folder: string, scope: string): Promise<LocalRegistry> {
  await mkdir(join(folder, 'storage'), { recursive: true });
  const server = (await runServer(registryConfig(folder, scope))) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
