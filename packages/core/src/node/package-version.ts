// The version of the package a file belongs to: the nearest package.json above it (bins are
// reached through node_modules/.bin links, so the link is resolved first).
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The `version` of the nearest package.json with a name above `file`; undefined if none. */
export function packageVersionOf(file: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(realpathSync(file));
  } catch {
    return undefined;
  }
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (typeof json.name === 'string' && typeof json.version === 'string') return json.version;
    } catch {
      // No (readable) package.json here: look further up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
