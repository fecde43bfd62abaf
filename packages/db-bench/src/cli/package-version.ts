import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed version of `name` as seen from the module at `fromUrl` (null when it cannot
 * be found). The driver and Drizzle are rota-db's dependencies, not ours, so they are
 * resolved from rota-db's own location; their exports maps do not expose package.json,
 * hence the walk up from the resolved entry file.
 */
export function findPackageVersion(name: string, fromUrl: string): string | null {
  try {
    const require = createRequire(fromUrl.startsWith('file:') ? fileURLToPath(fromUrl) : fromUrl);
    let dir = dirname(require.resolve(name));
    for (;;) {
      const manifest = readManifest(join(dir, 'package.json'));
      if (manifest?.name === name && typeof manifest.version === 'string') return manifest.version;
      const parent = dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  } catch {
    return null;
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}
