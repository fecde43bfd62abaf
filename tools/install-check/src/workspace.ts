// The workspace's packages as their package.json files describe them: what the tests publish,
// and the metadata every manifest must carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this package sits in tools/install-check). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type Dependencies = Record<string, string>;

/** The fields of a package.json these checks read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: { node?: string };
  repository?: { type?: string; url?: string; directory?: string };
  exports?: Record<string, unknown>;
  files?: string[];
  bin?: Record<string, string>;
  dependencies?: Dependencies;
  peerDependencies?: Dependencies;
  optionalDependencies?: Dependencies;
  devDependencies?: Dependencies;
}

/** One workspace package: its folder relative to the root, and its manifest. */
export interface WorkspacePackage {
  folder: string;
  manifest: Manifest;
}

export function readManifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as Manifest;
}

/** Every package under packages/ and tools/ (the globs of pnpm-workspace.yaml). */
export function listWorkspacePackages(): WorkspacePackage[] {
  return ['packages', 'tools'].flatMap((parent) =>
    readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .filter((folder) => {
        try {
          readManifest(folder);
          return true;
        } catch {
          return false; // tools/scripts is a folder of scripts, not a package
        }
      })
      .map((folder) => ({ folder, manifest: readManifest(folder) })),
  );
}

/** The packages that are published: every one not marked private. */
export function publicPackages(): WorkspacePackage[] {
  return listWorkspacePackages().filter((p) => p.manifest.private !== true);
}

/** Dependencies a user installs with the package (devDependencies stay behind). */
export function shippedDependencies(manifest: Manifest): string[] {
  return Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  });
}
